package io.marquee.command.content;

import io.marquee.infra.web.RuleViolationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

/** The limits a content item keeps, named so that a refusal says which one. */
final class ContentRules {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_URI_LENGTH = 2048;
    static final int MAX_CHECKSUM_LENGTH = 200;
    static final int MIN_DURATION_SECONDS = 1;
    static final int MAX_DURATION_SECONDS = 86_400;

    private ContentRules() {
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw RuleViolationException.invalid("content-name-required", "A content item needs a name.");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw RuleViolationException.invalid("content-name-length",
                    "A content item's name has at most " + MAX_NAME_LENGTH + " characters.");
        }
    }

    /** Players fetch content over the web: anything else (file:, javascript:, relative paths) is refused. */
    static void requireWebUri(String uri) {
        try {
            URI parsed = new URI(uri == null ? "" : uri);
            if (parsed.isAbsolute() && parsed.getHost() != null
                    && ("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()))) {
                return;
            }
        } catch (URISyntaxException ignored) {
            // reported below, like any other unusable uri
        }
        throw RuleViolationException.invalid("content-uri-http", "A content item's uri must be an absolute http(s) URI.");
    }

    static void requireDuration(Integer seconds) {
        if (seconds != null && (seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS)) {
            throw RuleViolationException.invalid("content-duration-range",
                    "defaultDurationSeconds is " + MIN_DURATION_SECONDS + " to " + MAX_DURATION_SECONDS + ".");
        }
    }

    static void requireSize(Long sizeBytes) {
        if (sizeBytes != null && sizeBytes < 0) {
            throw RuleViolationException.invalid("content-size-non-negative", "sizeBytes cannot be negative.");
        }
    }

    static void requireValidityWindow(Instant validFrom, Instant validUntil) {
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            throw RuleViolationException.invalid("content-validity-window", "validFrom must be before validUntil.");
        }
    }
}
