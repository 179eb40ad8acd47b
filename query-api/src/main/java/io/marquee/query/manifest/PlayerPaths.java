package io.marquee.query.manifest;

import java.util.Optional;
import java.util.UUID;

/**
 * The players' manifest paths, {@code /api/displays/{id}/manifest} and {@code .../manifest/stream}, read
 * without a router: the fast path filter and the player port match them the same way.
 */
public final class PlayerPaths {

    public static final String PREFIX = "/api/displays/";
    public static final String MANIFEST = "/manifest";
    public static final String STREAM = "/manifest/stream";
    private static final int UUID_LENGTH = 36;

    /** Which player route a path is, and the display id as written (not yet known to be a UUID). */
    public enum Route { MANIFEST, STREAM, NONE }

    private PlayerPaths() {
    }

    /** The route of a path (without its query string). */
    public static Route route(String path) {
        if (!path.startsWith(PREFIX) || idText(path).isEmpty()) {
            return Route.NONE;
        }
        if (path.endsWith(STREAM)) {
            return Route.STREAM;
        }
        return path.endsWith(MANIFEST) ? Route.MANIFEST : Route.NONE;
    }

    /** The id segment of a manifest or stream path: what lies between the prefix and the route's suffix. */
    public static String idText(String path) {
        String suffix = path.endsWith(STREAM) ? STREAM : MANIFEST;
        if (!path.endsWith(suffix) || path.length() <= PREFIX.length() + suffix.length()) {
            return "";
        }
        String id = path.substring(PREFIX.length(), path.length() - suffix.length());
        return id.indexOf('/') >= 0 ? "" : id;
    }

    /** The display id of {@code /api/displays/{uuid}/manifest} exactly; empty for any other path. */
    public static Optional<UUID> manifestOf(String uri) {
        if (uri.length() != PREFIX.length() + UUID_LENGTH + MANIFEST.length()
                || !uri.startsWith(PREFIX) || !uri.endsWith(MANIFEST)) {
            return Optional.empty();
        }
        return uuid(uri.substring(PREFIX.length(), PREFIX.length() + UUID_LENGTH));
    }

    /** The id as a UUID, if it is one (in its canonical 36-character form, like the controller's binding requires). */
    public static Optional<UUID> uuid(String text) {
        try {
            return text.length() == UUID_LENGTH ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
