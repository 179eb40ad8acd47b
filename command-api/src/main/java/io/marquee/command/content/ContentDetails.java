package io.marquee.command.content;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything about a content item that can change after it is created. Optional details are null
 * when not given; a content item without {@code defaultDurationSeconds} plays for the platform's default.
 */
record ContentDetails(
        String name,
        String uri,
        Integer defaultDurationSeconds,
        String checksum,
        Long sizeBytes,
        Instant validFrom,
        Instant validUntil) {

    /** These details with the name stripped, once every rule is met; a broken rule is thrown. */
    ContentDetails checked() {
        ContentRules.requireName(name);
        ContentRules.requireWebUri(uri);
        ContentRules.requireDuration(defaultDurationSeconds);
        ContentRules.requireSize(sizeBytes);
        ContentRules.requireValidityWindow(validFrom, validUntil);
        return new ContentDetails(name.strip(), uri, defaultDurationSeconds, checksum, sizeBytes, validFrom, validUntil);
    }

    /** These details with the update's changes applied (not yet checked). */
    ContentDetails patchedWith(UpdateContentCommand update) {
        return new ContentDetails(
                patched(name, update.name()),
                patched(uri, update.uri()),
                patched(defaultDurationSeconds, update.defaultDurationSeconds()),
                patched(checksum, update.checksum()),
                patched(sizeBytes, update.sizeBytes()),
                patched(validFrom, update.validFrom()),
                patched(validUntil, update.validUntil()));
    }

    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    private static <T> T patched(T current, Optional<T> change) {
        return change == null ? current : change.orElse(null);
    }
}
