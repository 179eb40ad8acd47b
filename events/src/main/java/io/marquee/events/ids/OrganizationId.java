package io.marquee.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organization; serialized as its bare UUID. */
public record OrganizationId(UUID value) {

    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    @JsonCreator
    public static OrganizationId of(String value) {
        return new OrganizationId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
