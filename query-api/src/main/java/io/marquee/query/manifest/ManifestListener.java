package io.marquee.query.manifest;

import java.util.UUID;

/** Hears, on the tailer thread, of each newly arrived manifest version and each tombstone. Must not block. */
public interface ManifestListener {

    void changed(ServedManifest manifest);

    void removed(UUID displayId);

    /**
     * After every record of one poll (each topic's): a listener that hands its work to other threads hands
     * it on here, in one go, rather than waking them once per record.
     */
    default void afterPoll() {
    }
}
