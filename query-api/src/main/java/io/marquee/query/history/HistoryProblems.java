package io.marquee.query.history;

import io.marquee.infra.web.FieldError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import io.marquee.query.position.PositionGate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;

/**
 * A bad history parameter as the shared 400 validation problem ({@code errors: [{field, message}]}), and a
 * position the history has not committed in time as 503.
 */
@RestControllerAdvice(basePackageClasses = HistoryProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HistoryProblems {

    @ExceptionHandler(HistoryParameterException.class)
    ProblemDetail badParameter(HistoryParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.parameter() + " " + e.getMessage());
        problem.setType(URI.create("https://marquee.dev/problems/validation"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldError(e.parameter(), e.getMessage())));
        return problem;
    }

    /** The same answer as the other reads give when Marquee-Min-Position is not reached (PositionProblems). */
    @ExceptionHandler(HistoryNotReachedException.class)
    ResponseEntity<ProblemDetail> notReached(HistoryNotReachedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create("https://marquee.dev/problems/min-position-not-reached"));
        problem.setTitle("Position not reached");
        problem.setProperty("header", PositionGate.HEADER);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }
}
