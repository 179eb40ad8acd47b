package io.marquee.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a schedule entry of a display; serialized as its bare UUID. */
public record ScheduleEntryId(UUID value) {

    public ScheduleEntryId {
        Objects.requireNonNull(value, "value");
    }

    public static ScheduleEntryId random() {
        return new ScheduleEntryId(UUID.randomUUID());
    }

    @JsonCreator
    public static ScheduleEntryId of(String value) {
        return new ScheduleEntryId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
