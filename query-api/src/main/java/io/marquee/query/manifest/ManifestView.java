package io.marquee.query.manifest;

import io.marquee.events.Topic;
import io.marquee.events.Topics;
import io.marquee.query.tail.ConsumedOffsets;
import io.marquee.query.tail.TopicSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every display's latest manifest, in memory. Written by one thread (the topic tailer), read by
 * many request threads without locks. A manifest never goes backwards: an older version that arrives
 * late (a re-publish) is ignored. A {@link ManifestListener} hears of every new version as it arrives.
 */
@Component
public class ManifestView implements TopicSink {

    private static final Logger log = LoggerFactory.getLogger(ManifestView.class);

    private final Map<UUID, ServedManifest> manifests = new ConcurrentHashMap<>();
    private final List<ManifestListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds one who hears of every new manifest version and tombstone (the open streams of a port). */
    public void listen(ManifestListener listener) {
        listeners.add(listener);
    }

    @Override
    public Topic topic() {
        return Topics.DISPLAY_MANIFESTS;
    }

    /** The display's latest manifest, if one has arrived. */
    public Optional<ServedManifest> find(UUID displayId) {
        return Optional.ofNullable(manifests.get(displayId));
    }

    @Override
    public int size() {
        return manifests.size();
    }

    /** Takes in one record of the manifest topic; a null body is a tombstone. */
    @Override
    public void accept(String key, byte[] body) {
        UUID displayId;
        try {
            displayId = UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            log.warn("Ignoring a manifest record whose key is not a display id: {}", key);
            return;
        }
        if (body == null) {
            manifests.remove(displayId);
            listeners.forEach(listener -> listener.removed(displayId));
            return;
        }
        try {
            ManifestHeader header = ManifestHeader.read(body);
            ServedManifest served = new ServedManifest(displayId, header.organizationId(), header.version(),
                    header.position(), body, etag(header.version(), body));
            ServedManifest current = manifests.merge(displayId, served, (old, incoming) ->
                    incoming.version() >= old.version() ? incoming : old);
            if (current == served) {
                listeners.forEach(listener -> listener.changed(served));
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Ignoring an unreadable manifest for display {}", displayId, e);
        }
    }

    @Override
    public void afterPoll(ConsumedOffsets consumed) {
        listeners.forEach(ManifestListener::afterPoll);
    }

    private static String etag(long version, byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + version + "-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
