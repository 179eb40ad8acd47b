package io.marquee.infra.security;

/**
 * The claims of a Marquee access token, named once for the side that signs and the sides that verify.
 * {@code sub} is the user id (a display id for a device token); the others are private claims.
 */
public final class MarqueeClaims {

    /** The user's organization id (UUID). */
    public static final String ORGANIZATION = "org";
    /** The user's {@link Role}, by name. */
    public static final String ROLE = "role";
    /** The user's display name. */
    public static final String DISPLAY_NAME = "name";
    /** What kind of token it is: absent for a user's access token, {@value #DEVICE} for a display's. */
    public static final String TOKEN_TYPE = "typ";
    /** The {@link #TOKEN_TYPE} of a device token, whose {@code sub} is the display id. */
    public static final String DEVICE = "device";
    /** A device token's generation: only the display's current generation is accepted. */
    public static final String GENERATION = "gen";

    private MarqueeClaims() {
    }
}
