package io.marquee.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a playlist; serialized as its bare UUID. */
public record PlaylistId(UUID value) {

    public PlaylistId {
        Objects.requireNonNull(value, "value");
    }

    public static PlaylistId random() {
        return new PlaylistId(UUID.randomUUID());
    }

    @JsonCreator
    public static PlaylistId of(String value) {
        return new PlaylistId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
