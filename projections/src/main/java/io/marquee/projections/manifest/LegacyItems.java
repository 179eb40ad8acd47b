package io.marquee.projections.manifest;

import java.util.Locale;

/**
 * Items of the first playlists named a bare URI and no content, hence no type: it is inferred from
 * the file extension.
 */
final class LegacyItems {

    private LegacyItems() {
    }

    static String typeOf(String uri) {
        String path = uri.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (path.matches(".*\\.(png|jpe?g|gif|webp|svg|avif)$")) {
            return "IMAGE";
        }
        if (path.matches(".*\\.(mp4|webm|mov|m4v|ogv)$")) {
            return "VIDEO";
        }
        return "WEB_PAGE";
    }
}
