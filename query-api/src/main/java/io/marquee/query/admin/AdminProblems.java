package io.marquee.query.admin;

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
 * A bad query parameter of an admin read as the same 400 validation problem the shared advice gives
 * for bad bodies: {@code errors: [{field, message}]}, the field being the parameter's name.
 */
@RestControllerAdvice(basePackageClasses = AdminProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminProblems {

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.parameter() + " " + e.getMessage());
        problem.setType(URI.create("https://marquee.dev/problems/validation"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldError(e.parameter(), e.getMessage())));
        return problem;
    }
}
