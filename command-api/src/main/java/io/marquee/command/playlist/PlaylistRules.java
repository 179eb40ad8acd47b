package io.marquee.command.playlist;

import io.marquee.infra.web.RuleViolationException;

/** The limits a playlist keeps, named so that a refusal says which one. */
final class PlaylistRules {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_ITEMS = 500;
    static final int MIN_DURATION_SECONDS = 1;
    static final int MAX_DURATION_SECONDS = 86_400;

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

    /** An item's own duration; null means it plays for its content's default duration. */
    static Integer duration(Integer seconds) {
        if (seconds != null && (seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS)) {
            throw RuleViolationException.invalid("item-duration-range",
                    "An item plays for " + MIN_DURATION_SECONDS + " to " + MAX_DURATION_SECONDS + " seconds.");
        }
        return seconds;
    }

    /** Where a new item may go among {@code itemCount} items: anywhere from the front to just after the last. */
    static int insertPosition(int position, int itemCount) {
        return requirePosition(position, itemCount);
    }

    /** Where an item may move among {@code itemCount} items: counted after taking it out, so one place fewer. */
    static int movePosition(int position, int itemCount) {
        return requirePosition(position, itemCount - 1);
    }

    /** Out of range is refused rather than clamped: a client that counts wrong should hear about it. */
    private static int requirePosition(int position, int highest) {
        if (position < 0 || position > highest) {
            throw RuleViolationException.invalid("item-position-range",
                    "position must be between 0 and " + highest + ".");
        }
        return position;
    }
}
