package io.marquee.infra.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Authorization rules for {@link SecurityRules} contributions. Prefer {@link #user()} over
 * {@code authenticated()}: a device token is authenticated too, but may only reach the player routes
 * that grant {@link #userOrDevice()} or {@link #device()}.
 */
public final class MarqueeAuthorization {

    private MarqueeAuthorization() {
    }

    /** Any user of any role; never a device. */
    public static AuthorizationManager<RequestAuthorizationContext> user() {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() instanceof CallerAuthentication caller && caller.isAuthenticated());
    }

    /** A display with its device token; the handler still checks which display and its generation. */
    public static AuthorizationManager<RequestAuthorizationContext> device() {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() instanceof DeviceAuthentication device && device.isAuthenticated());
    }

    /** A user of any role or a display. */
    public static AuthorizationManager<RequestAuthorizationContext> userOrDevice() {
        return (authentication, context) -> new AuthorizationDecision(
                (authentication.get() instanceof CallerAuthentication || authentication.get() instanceof DeviceAuthentication)
                        && authentication.get().isAuthenticated());
    }
}
