package io.marquee.query.admin;

import io.marquee.infra.security.AuthenticatedCaller;
import org.springframework.security.access.AccessDeniedException;

import java.util.UUID;

/** The organization an admin read is scoped to: the user token's. Any other kind of caller is refused. */
final class Callers {

    private Callers() {
    }

    static UUID organizationOf(AuthenticatedCaller caller) {
        if (caller == null) {
            throw new AccessDeniedException("admin reads need a user token");
        }
        return caller.organizationId().value();
    }
}
