package io.marquee.command.playlist;

import io.marquee.infra.web.RuleViolationException;

import java.net.URI;
import java.net.URISyntaxException;

/** The limits a playlist keeps, named so that a refusal says which one. */
final class PlaylistRules {

    static final int MAX_ITEMS = 500;
    static final int MIN_DURATION_SECONDS = 1;
    static final int MAX_DURATION_SECONDS = 86_400;
    static final int DEFAULT_DURATION_SECONDS = 10;

    private PlaylistRules() {
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw RuleViolationException.invalid("playlist-name-required", "A playlist needs a name.");
        }
    }

    static void requireRoomFor(int itemCount) {
        if (itemCount > MAX_ITEMS) {
            throw RuleViolationException.invalid("playlist-max-items",
                    "A playlist holds at most " + MAX_ITEMS + " items.");
        }
    }

    static int duration(Integer requested) {
        int seconds = requested == null ? DEFAULT_DURATION_SECONDS : requested;
        if (seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS) {
            throw RuleViolationException.invalid("item-duration-range",
                    "An item plays for " + MIN_DURATION_SECONDS + " to " + MAX_DURATION_SECONDS + " seconds.");
        }
        return seconds;
    }

    static String webUri(String uri) {
        try {
            URI parsed = new URI(uri == null ? "" : uri);
            if (parsed.isAbsolute() && parsed.getHost() != null
                    && ("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below, like any other unusable uri
        }
        throw RuleViolationException.invalid("item-uri-http", "An item's uri must be an absolute http(s) URI.");
    }
}
