package io.marquee.query.playerport;

import io.marquee.query.manifest.ManifestHeaders;
import io.marquee.query.manifest.ManifestListener;
import io.marquee.query.manifest.ManifestView;
import io.marquee.query.manifest.ServedManifest;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each display's manifest answers as complete HTTP responses (200, its HEAD, 304), encoded once per
 * manifest version, the first time the version is asked for on this port; a request then costs one
 * write of a shared buffer. The headers are the controller's ({@link ManifestHeaders}).
 */
@Component
class EncodedManifests implements ManifestListener {

    /** The three answers of one manifest version. */
    record Encoded(ServedManifest manifest, ByteBuf ok, ByteBuf head, ByteBuf notModified) {
    }

    private final Map<UUID, Encoded> byDisplay = new ConcurrentHashMap<>();

    EncodedManifests(ManifestView view) {
        view.listen(this);
    }

    /** The answers of exactly this version (encoded now if this is its first request). */
    Encoded of(ServedManifest manifest) {
        Encoded encoded = byDisplay.get(manifest.displayId());
        if (encoded == null || encoded.manifest() != manifest) {
            encoded = encode(manifest);
            byDisplay.put(manifest.displayId(), encoded);
        }
        return encoded;
    }

    @Override
    public void changed(ServedManifest manifest) {
        // encoded lazily: most versions are never polled on a given instance before the next one
    }

    @Override
    public void removed(UUID displayId) {
        byDisplay.remove(displayId);
    }

    /**
     * The answer to a read that waited for {@code Marquee-Min-Position}, encoded for this one request: on
     * the main port such a read is an async answer, whose headers the security chain has already written
     * (its no-store {@code Cache-Control}, {@code Pragma}, {@code Expires}) before the controller's.
     */
    static byte[] waited(ServedManifest manifest, boolean notModified, boolean withBody) {
        return notModified
                ? HttpAnswers.encode(HttpResponseStatus.NOT_MODIFIED, headers(manifest, false, true), new byte[0], false, false)
                : HttpAnswers.encode(HttpResponseStatus.OK, headers(manifest, true, true), manifest.body(), withBody, false);
    }

    private static Encoded encode(ServedManifest manifest) {
        List<Map.Entry<String, String>> headers = headers(manifest, true, false);
        byte[] body = manifest.body();
        return new Encoded(manifest,
                HttpAnswers.shared(HttpAnswers.encode(HttpResponseStatus.OK, headers, body, true, false)),
                HttpAnswers.shared(HttpAnswers.encode(HttpResponseStatus.OK, headers, body, false, false)),
                HttpAnswers.shared(HttpAnswers.encode(HttpResponseStatus.NOT_MODIFIED, headers(manifest, false, false),
                        new byte[0], false, false)));
    }

    private static List<Map.Entry<String, String>> headers(ServedManifest manifest, boolean withContentType, boolean waited) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(ManifestHeaders.SECURITY);
        headers.add(Map.entry("ETag", manifest.etag()));
        if (waited) {
            headers.addAll(ManifestHeaders.NO_STORE);
        } else {
            headers.add(Map.entry("Cache-Control", ManifestHeaders.CACHE_CONTROL));
        }
        if (withContentType) {
            headers.add(Map.entry("Content-Type", ManifestHeaders.CONTENT_TYPE));
        }
        return headers;
    }
}
