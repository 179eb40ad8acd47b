package io.marquee.query.manifest;

import java.util.UUID;

/** Hears, on the tailer thread, of each newly arrived manifest version and each tombstone. Must not block. */
public interface ManifestListener {

    void changed(ServedManifest manifest);

    void removed(UUID displayId);
}
