package io.marquee.infra.security;

/**
 * What a user may do in their organization. Spring Security sees each as the authority
 * {@code ROLE_<name>}, so rules read {@code hasRole("EDITOR")}.
 */
public enum Role {
    /** Everything, including managing users. */
    ADMIN,
    /** Content, playlists, displays, assignments and schedules. */
    EDITOR,
    /** Reads only. */
    VIEWER,
    /** Reads, including the event history. */
    ANALYST;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
