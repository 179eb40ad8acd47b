package io.marquee.infra.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request: its principal is the {@link AuthenticatedCaller}, its only authority the
 * caller's role, and its credentials the verified token.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedCaller caller;
    private final transient Jwt token;

    public CallerAuthentication(AuthenticatedCaller caller, Jwt token) {
        super(AuthorityUtils.createAuthorityList(caller.role().authority()));
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public AuthenticatedCaller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.userId().toString();
    }

    /** The same request authenticated with another role (the token stays the same). */
    public CallerAuthentication withRole(Role role) {
        return new CallerAuthentication(caller.withRole(role), token);
    }
}
