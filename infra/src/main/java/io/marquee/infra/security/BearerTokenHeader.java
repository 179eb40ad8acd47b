package io.marquee.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header, by the rules of Spring's
 * {@link DefaultBearerTokenResolver} with its defaults (header only; {@code Bearer}, any case, one space,
 * a token68), without its case-insensitive regular expression: on the display hot path that pattern,
 * run over a token of several hundred characters, was one of the largest costs of a request.
 */
public final class BearerTokenHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        return resolve(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    /**
     * The token of an {@code Authorization} header value (null if absent or another scheme), for servers
     * that are not servlets; throws {@link OAuth2AuthenticationException} for a malformed bearer header.
     */
    public String resolve(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null; // another scheme is not ours to judge
        }
        int start = SCHEME.length() + 1;
        if (authorization.length() <= start || authorization.charAt(SCHEME.length()) != ' '
                || !isToken68(authorization, start)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(start);
    }

    /** RFC 6750's b64token: one or more of {@code A-Z a-z 0-9 - . _ ~ + /}, then only {@code =}. */
    private static boolean isToken68(String value, int start) {
        int i = start;
        while (i < value.length() && isTokenCharacter(value.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
