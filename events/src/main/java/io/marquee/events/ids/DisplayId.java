package io.marquee.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a display; serialized as its bare UUID. */
public record DisplayId(UUID value) {

    public DisplayId {
        Objects.requireNonNull(value, "value");
    }

    public static DisplayId random() {
        return new DisplayId(UUID.randomUUID());
    }

    @JsonCreator
    public static DisplayId of(String value) {
        return new DisplayId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
