package io.marquee.infra.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The same 401 and 403 problems when a controller, rather than the filter chain, finds the caller
 * unauthenticated or not allowed. Ordered first: the catch-all 500 handler must not see these.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityExceptionAdvice {

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        ProblemDetail problem = SecurityProblems.unauthorized(e);
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.WWW_AUTHENTICATE, SecurityProblems.challenge(e))
                .body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return SecurityProblems.forbidden();
    }
}
