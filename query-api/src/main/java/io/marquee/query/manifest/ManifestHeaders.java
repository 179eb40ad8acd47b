package io.marquee.query.manifest;

import java.util.List;
import java.util.Map;

/**
 * The header values of a manifest answer, whichever server writes it: the controller (through Spring),
 * the fast path filter and the player port must send the same ones.
 */
public final class ManifestHeaders {

    /** Every read revalidates; the ETag makes that a 304. */
    public static final String CACHE_CONTROL = "no-cache";
    public static final String CONTENT_TYPE = "application/json";
    public static final String STREAM_CONTENT_TYPE = "text/event-stream";
    /** What Spring Security's header writers add to every answer of the chain, in the order they write them. */
    public static final List<Map.Entry<String, String>> SECURITY = List.of(
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-XSS-Protection", "0"),
            Map.entry("X-Frame-Options", "DENY"));
    /** What the chain adds to an answer that set no {@code Cache-Control} of its own (errors, streams). */
    public static final List<Map.Entry<String, String>> NO_STORE = List.of(
            Map.entry("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"),
            Map.entry("Pragma", "no-cache"),
            Map.entry("Expires", "0"));

    private ManifestHeaders() {
    }
}
