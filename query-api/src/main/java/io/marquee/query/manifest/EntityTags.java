package io.marquee.query.manifest;

/** {@code If-None-Match} evaluation (RFC 9110 §13.1.2): weak comparison, lists and {@code *}. */
public final class EntityTags {

    private EntityTags() {
    }

    /** True if {@code If-None-Match} names {@code etag} (or {@code *}): the answer is 304. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.equals(etag)) {
            return true; // what a player sends back, without splitting the header
        }
        String current = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
