package io.marquee.query.admin;

import io.marquee.infra.security.MarqueeAuthorization;
import io.marquee.infra.security.SecurityRules;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Admin reads need a valid token of any role; the controllers then scope them to the caller's
 * organization. Listed path by path so that the write side's rules still govern every other method.
 */
@Component
@Order(SecurityRules.READ_SIDE_ORDER)
class AdminSecurityRules implements SecurityRules {

    private static final String[] PATHS = {
            "/api/content", "/api/content/{contentId}", "/api/content/{contentId}/plays",
            "/api/playlists", "/api/playlists/{playlistId}",
            "/api/displays", "/api/displays/{displayId}", "/api/displays/delivery"};

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        var matchers = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(requests -> {
            for (String path : PATHS) {
                requests.requestMatchers(matchers.matcher(HttpMethod.GET, path)).access(MarqueeAuthorization.user());
            }
        });
    }
}
