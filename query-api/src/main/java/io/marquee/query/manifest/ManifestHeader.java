package io.marquee.query.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.UUID;

/**
 * The three fields of a published manifest that the view needs (organization, version, position), read
 * with a streaming parser that stops as soon as it has them. They come first in the published JSON, so a
 * manifest of a few kilobytes costs the view a hundred-odd bytes of parsing instead of a whole tree: a
 * playlist change that reaches 10,000 displays arrives as 10,000 manifests on one thread. Fields it does
 * not need are skipped, in any order; a body that is not a JSON object, or lacks the organization,
 * is unreadable.
 */
record ManifestHeader(UUID organizationId, long version, long position) {

    private static final JsonFactory JSON = new JsonFactory();

    static ManifestHeader read(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a manifest is a JSON object");
            }
            UUID organization = null;
            Long version = null;
            Long position = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME
                    && (organization == null || version == null || position == null)) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "organizationId" -> organization = value == JsonToken.VALUE_STRING ? UUID.fromString(parser.getText()) : null;
                    case "version" -> version = parser.getValueAsLong();
                    case "position" -> position = parser.getValueAsLong();
                    default -> parser.skipChildren();
                }
            }
            if (organization == null) {
                throw new IOException("a manifest names its organization");
            }
            return new ManifestHeader(organization, version == null ? 0 : version, position == null ? 0 : position);
        }
    }
}
