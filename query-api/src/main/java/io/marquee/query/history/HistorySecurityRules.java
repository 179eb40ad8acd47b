package io.marquee.query.history;

import io.marquee.infra.security.MarqueeAuthorization;
import io.marquee.infra.security.Role;
import io.marquee.infra.security.SecurityRules;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/** The history is for users who are ANALYST or ADMIN of their organization; other roles and devices get 403. */
@Component
@Order(SecurityRules.READ_SIDE_ORDER)
class HistorySecurityRules implements SecurityRules {

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        var matchers = PathPatternRequestMatcher.withDefaults();
        var analystOrAdmin = AuthorizationManagers.allOf(MarqueeAuthorization.user(),
                AuthorityAuthorizationManager.hasAnyAuthority(Role.ANALYST.authority(), Role.ADMIN.authority()));
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(matchers.matcher(HttpMethod.GET, "/api/history/events"),
                        matchers.matcher(HttpMethod.GET, "/api/history/displays/{displayId}/manifest"))
                .access(analystOrAdmin));
    }
}
