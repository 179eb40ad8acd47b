package io.marquee.query.admin;

/**
 * An organization's delivery status: of its {@code displays} (not decommissioned), how many run the
 * latest version of their manifest, and how many are online; {@code summary} says it in words.
 */
record DeliverySummary(long displays, long onLatestVersion, long online, String summary) {

    static DeliverySummary of(long displays, long onLatestVersion, long online) {
        return new DeliverySummary(displays, onLatestVersion, online,
                onLatestVersion + " of " + displays + " displays are on the latest version");
    }
}
