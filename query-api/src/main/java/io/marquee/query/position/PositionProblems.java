package io.marquee.query.position;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Turns a position not reached in time into 503 problem+json with {@code Retry-After} (before the catch-all). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PositionProblems {

    // Spring unwraps a failed CompletableFuture's CompletionException before it gets here
    @ExceptionHandler(PositionNotReachedException.class)
    ResponseEntity<ProblemDetail> notReached(PositionNotReachedException notReached) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfter(notReached))
                .body(problem(notReached));
    }

    /** The 503 problem, for a server outside Spring MVC that must answer the same. */
    public static ProblemDetail problem(PositionNotReachedException notReached) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, notReached.getMessage());
        problem.setType(URI.create("https://marquee.dev/problems/min-position-not-reached"));
        problem.setTitle("Position not reached");
        problem.setProperty("header", PositionGate.HEADER);
        return problem;
    }

    /** The {@code Retry-After} value (whole seconds, at least 1) that goes with {@link #problem}. */
    public static String retryAfter(PositionNotReachedException notReached) {
        return Long.toString(Math.max(1, notReached.retryAfter().toSeconds()));
    }
}
