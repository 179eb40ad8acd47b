package io.marquee.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a playlist item; serialized as its bare UUID. */
public record PlaylistItemId(UUID value) {

    public PlaylistItemId {
        Objects.requireNonNull(value, "value");
    }

    public static PlaylistItemId random() {
        return new PlaylistItemId(UUID.randomUUID());
    }

    @JsonCreator
    public static PlaylistItemId of(String value) {
        return new PlaylistItemId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
