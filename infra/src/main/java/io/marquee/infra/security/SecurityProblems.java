package io.marquee.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;

/**
 * 401 and 403 as problem+json, whether the filter chain refuses a request or a controller does. A 401
 * says how to get a token and never why a given token failed beyond "invalid or expired".
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String TYPE_BASE = "https://marquee.dev/problems/";

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    /** The 401 problem for a request without a usable token. */
    public static ProblemDetail unauthorized(AuthenticationException failure) {
        if (failure instanceof InvalidBearerTokenException) {
            return problem(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
                    "The bearer token is invalid or has expired; log in again at /api/auth/login.");
        }
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "Send a token from /api/auth/login as 'Authorization: Bearer <accessToken>'.");
    }

    /** The 403 problem for a caller whose role may not do what was asked. */
    public static ProblemDetail forbidden() {
        String detail = AuthenticatedCaller.current()
                .map(caller -> "The role " + caller.role() + " may not do this.")
                .orElse("You may not do this.");
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** The {@code WWW-Authenticate} challenge (RFC 6750) that goes with {@link #unauthorized}. */
    public static String challenge(AuthenticationException failure) {
        return failure instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer";
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(failure));
        write(request, response, unauthorized(failure));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, forbidden());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
