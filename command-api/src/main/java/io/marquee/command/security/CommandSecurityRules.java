package io.marquee.command.security;

import io.marquee.command.account.CurrentAccounts;
import io.marquee.infra.security.BearerTokenHeader;
import io.marquee.infra.security.Role;
import io.marquee.infra.security.SecurityRules;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The role each write needs. Register and login are public; users are managed by ADMINs; content,
 * playlists and displays (with their assignments and schedules) are written by ADMINs and EDITORs;
 * any other write under {@code /api} is for ADMINs, so a new endpoint is closed until a rule opens it.
 * VIEWER and ANALYST write nothing; an organization's history export is for ADMINs and ANALYSTs.
 * Comes after the read side's rules: its last rule is a catch-all.
 */
@Component
@Order(SecurityRules.WRITE_SIDE_ORDER)
class CommandSecurityRules implements SecurityRules {

    static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    static final String[] EDITOR_PATHS = {"/api/content/**", "/api/playlists/**", "/api/displays/**"};

    private static final String ADMIN = Role.ADMIN.name();
    private static final String EDITOR = Role.EDITOR.name();
    private static final String ANALYST = Role.ANALYST.name();

    private final CurrentAccounts accounts;
    private final AuthenticationEntryPoint entryPoint;

    CommandSecurityRules(CurrentAccounts accounts, AuthenticationEntryPoint entryPoint) {
        this.accounts = accounts;
        this.entryPoint = entryPoint;
    }

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher anonymous = new OrRequestMatcher(
                paths.matcher(HttpMethod.POST, "/api/auth/register"), paths.matcher(HttpMethod.POST, "/api/auth/login"));
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(anonymous).permitAll()
                    .requestMatchers(paths.matcher("/api/users/**")).hasRole(ADMIN)
                    .requestMatchers(paths.matcher(HttpMethod.GET, "/api/history/export")).hasAnyRole(ADMIN, ANALYST);
            for (HttpMethod method : WRITES) {
                for (String path : EDITOR_PATHS) {
                    requests.requestMatchers(paths.matcher(method, path)).hasAnyRole(ADMIN, EDITOR);
                }
            }
            for (HttpMethod method : WRITES) {
                requests.requestMatchers(paths.matcher(method, "/api/**")).hasRole(ADMIN);
            }
        });
        // A stale token sent along with a login must not stand in the way of getting a fresh one.
        BearerTokenHeader bearer = new BearerTokenHeader();
        http.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(
                request -> anonymous.matches(request) ? null : bearer.resolve(request)));
        http.addFilterAfter(new CurrentRoleFilter(accounts, entryPoint), BearerTokenAuthenticationFilter.class);
    }
}
