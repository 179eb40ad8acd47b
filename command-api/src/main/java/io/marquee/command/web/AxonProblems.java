package io.marquee.command.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Axon's own failures as problem+json: an unknown aggregate is a 404, a lost race a 409. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AxonProblems {

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No resource with id " + e.getAggregateIdentifier() + " was found");
        problem.setType(URI.create("https://marquee.dev/problems/not-found"));
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The resource was changed by another request at the same time; retry with fresh state.");
        problem.setType(URI.create("https://marquee.dev/problems/concurrent-modification"));
        problem.setTitle("Concurrent modification");
        return problem;
    }
}
