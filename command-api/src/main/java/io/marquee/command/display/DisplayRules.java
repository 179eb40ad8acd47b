package io.marquee.command.display;

import io.marquee.infra.web.RuleViolationException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The limits a display's details keep, named so that a refusal says which one. */
final class DisplayRules {

    static final String DEFAULT_TIMEZONE = "UTC";
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_LOCATION_LENGTH = 200;
    static final int MAX_TIMEZONE_LENGTH = 64;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_LENGTH = 50;

    private DisplayRules() {
    }

    static String name(String requested) {
        if (requested == null || requested.isBlank()) {
            throw RuleViolationException.invalid("display-name-required", "A display needs a name.");
        }
        String name = requested.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw RuleViolationException.invalid("display-name-length",
                    "A display's name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return name;
    }

    /** Blank means no location. */
    static String location(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        String location = requested.strip();
        if (location.length() > MAX_LOCATION_LENGTH) {
            throw RuleViolationException.invalid("display-location-length",
                    "A display's location has at most " + MAX_LOCATION_LENGTH + " characters.");
        }
        return location;
    }

    /** Blank means UTC. */
    static String timezone(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_TIMEZONE;
        }
        try {
            return ZoneId.of(requested.strip()).getId();
        } catch (DateTimeException e) {
            throw RuleViolationException.invalid("display-timezone-iana",
                    "timezone must be an IANA zone id such as Europe/Paris.");
        }
    }

    /** Tags are stripped and kept once each, in the order first given. */
    static List<String> tags(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : requested) {
            if (tag == null || tag.isBlank()) {
                throw RuleViolationException.invalid("display-tag-blank", "A tag must not be blank.");
            }
            if (tag.strip().length() > MAX_TAG_LENGTH) {
                throw RuleViolationException.invalid("display-tag-length",
                        "A tag has at most " + MAX_TAG_LENGTH + " characters.");
            }
            tags.add(tag.strip());
        }
        if (tags.size() > MAX_TAGS) {
            throw RuleViolationException.invalid("display-max-tags", "A display has at most " + MAX_TAGS + " tags.");
        }
        return List.copyOf(tags);
    }
}
