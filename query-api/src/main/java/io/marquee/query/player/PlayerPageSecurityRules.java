package io.marquee.query.player;

import io.marquee.infra.security.SecurityRules;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The player page and its script are public: a screen loads them before it has presented any token,
 * and they contain nothing secret. The data they fetch stays behind the manifest endpoints' rules.
 */
@Component
@Order(SecurityRules.READ_SIDE_ORDER)
class PlayerPageSecurityRules implements SecurityRules {

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(paths.matcher(HttpMethod.GET, "/player"),
                        paths.matcher(HttpMethod.GET, "/player/**")).permitAll());
    }
}
