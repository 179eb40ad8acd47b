package io.marquee.query.manifest;

import java.util.UUID;

/** Hears, on the tailer thread, of each newly arrived manifest version and each tombstone. Must not block. */
interface ManifestListener {

    ManifestListener NONE = new ManifestListener() {
        @Override
        public void changed(ServedManifest manifest) {
        }

        @Override
        public void removed(UUID displayId) {
        }
    };

    void changed(ServedManifest manifest);

    void removed(UUID displayId);
}
