package io.marquee.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a content item; serialized as its bare UUID. */
public record ContentId(UUID value) {

    public ContentId {
        Objects.requireNonNull(value, "value");
    }

    public static ContentId random() {
        return new ContentId(UUID.randomUUID());
    }

    @JsonCreator
    public static ContentId of(String value) {
        return new ContentId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
