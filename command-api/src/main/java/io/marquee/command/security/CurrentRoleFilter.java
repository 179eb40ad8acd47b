package io.marquee.command.security;

import io.marquee.command.account.Credentials;
import io.marquee.command.account.CurrentAccounts;
import io.marquee.infra.security.AuthenticatedCaller;
import io.marquee.infra.security.CallerAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * A token is signed for its whole lifetime, but a user may be removed or change role before it ends.
 * For every write, this looks the caller up in the credentials table ({@link CurrentAccounts}, which
 * keeps a row for at most a second and forgets it when this instance changes it): a removed user's
 * token answers 401, and the role the rules then check is the current one, not the one at login.
 * Reads (GET) are not checked and trust the token until it expires.
 */
final class CurrentRoleFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final CurrentAccounts accounts;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CurrentRoleFilter(CurrentAccounts accounts, AuthenticationEntryPoint entryPoint) {
        this.accounts = accounts;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!READS.contains(request.getMethod())
                && contexts.getContext().getAuthentication() instanceof CallerAuthentication authentication) {
            AuthenticatedCaller caller = authentication.getPrincipal();
            Optional<Credentials.Account> account = accounts.byUserId(caller.userId())
                    .filter(found -> !found.removed() && found.organizationId().equals(caller.organizationId()));
            if (account.isEmpty()) {
                contexts.clearContext();
                entryPoint.commence(request, response, new InvalidBearerTokenException("the user was removed"));
                return;
            }
            if (account.get().role() != caller.role()) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(authentication.withRole(account.get().role()));
                contexts.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
