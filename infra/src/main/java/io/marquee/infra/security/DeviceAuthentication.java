package io.marquee.infra.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A request authenticated with a device token: its principal is the {@link AuthenticatedDevice}, its only
 * authority {@value #AUTHORITY} (no role), so role rules never admit it.
 */
public final class DeviceAuthentication extends AbstractAuthenticationToken {

    /** The authority of every device; not a {@code ROLE_}, so {@code hasRole} rules never match it. */
    public static final String AUTHORITY = "DEVICE";

    private final AuthenticatedDevice device;
    private final transient Jwt token;

    public DeviceAuthentication(AuthenticatedDevice device, Jwt token) {
        super(AuthorityUtils.createAuthorityList(AUTHORITY));
        this.device = device;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public AuthenticatedDevice getPrincipal() {
        return device;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return "display:" + device.displayId();
    }
}
