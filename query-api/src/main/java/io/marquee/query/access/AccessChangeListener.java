package io.marquee.query.access;

import java.util.UUID;

/** Hears, on the tailer thread, that a display's token generation or lifecycle changed. Must not block. */
public interface AccessChangeListener {

    void accessChanged(UUID displayId, long tokenGeneration, boolean decommissioned);
}
