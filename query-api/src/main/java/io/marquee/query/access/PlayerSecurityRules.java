package io.marquee.query.access;

import io.marquee.infra.security.MarqueeAuthorization;
import io.marquee.infra.security.SecurityRules;
import jakarta.servlet.DispatcherType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The player routes: the manifest and its stream for a device or a user; heartbeats and plays (read-side
 * writes, opened here before the write side's ADMIN catch-all) for a device or a user, who then gets
 * 404 from {@link PlayerAccess}. Tokens are verified with the public key only; which display and which
 * generation is checked in memory by {@link PlayerAccess}.
 */
@Component
@Order(SecurityRules.READ_SIDE_ORDER)
class PlayerSecurityRules implements SecurityRules {

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(requests -> requests
                // the second dispatch of an async answer (a waited-for read, a stream) was authorized on arrival
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                // HEAD too, as on the player port: a player or a proxy may ask for the headers (the ETag) alone
                .requestMatchers(paths.matcher(HttpMethod.GET, "/api/displays/{displayId}/manifest"),
                        paths.matcher(HttpMethod.HEAD, "/api/displays/{displayId}/manifest"),
                        paths.matcher(HttpMethod.GET, "/api/displays/{displayId}/manifest/stream"),
                        paths.matcher(HttpMethod.POST, "/api/displays/{displayId}/heartbeat"),
                        paths.matcher(HttpMethod.POST, "/api/displays/{displayId}/plays"))
                .access(MarqueeAuthorization.userOrDevice()));
    }
}
