package io.marquee.query.history;

import io.marquee.infra.web.FieldError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;

/**
 * A bad history parameter as the shared 400 validation problem ({@code errors: [{field, message}]}).
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
}
