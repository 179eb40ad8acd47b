package io.marquee.query.history;

import java.util.Locale;

/**
 * Items of the first playlists named a bare URI and no content, hence no type: inferred from the file
 * extension exactly as the manifest projection infers it.
 */
final class LegacyItemTypes {

    private LegacyItemTypes() {
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
