package io.marquee.infra.security;

/**
 * The claims of a Marquee access token, named once for the side that signs and the sides that verify.
 * {@code sub} is the user id; the others are private claims.
 */
public final class MarqueeClaims {

    /** The user's organization id (UUID). */
    public static final String ORGANIZATION = "org";
    /** The user's {@link Role}, by name. */
    public static final String ROLE = "role";
    /** The user's display name. */
    public static final String DISPLAY_NAME = "name";

    private MarqueeClaims() {
    }
}
