package io.marquee.query.playerport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.infra.security.SecurityProblems;
import io.marquee.infra.web.InvalidFieldsException;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.ProblemDetailsAdvice;
import io.marquee.query.manifest.ManifestHeaders;
import io.marquee.query.position.PositionNotReachedException;
import io.marquee.query.position.PositionProblems;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main port's problem answers, as bytes: each refusal is the exception the main port's filter chain
 * or controller raises, turned into the same problem by the same infra and query-api code, serialized by
 * the application's ObjectMapper (as Spring MVC does) and sent with the headers the chain adds.
 */
@Component
class PlayerProblems {

    private static final Logger log = LoggerFactory.getLogger(PlayerProblems.class);
    private static final String TYPE_BASE = "https://marquee.dev/problems/";

    private final ObjectMapper json;

    PlayerProblems(ObjectMapper json) {
        this.json = json;
    }

    /** The answer to a request the main port would refuse with {@code failure}. */
    byte[] answer(RuntimeException failure, String path, boolean withBody) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        ProblemDetail problem = problem(failure, headers);
        return encode(problem, path, headers, withBody);
    }

    /** A problem of the player port's own (a route or a caller it does not serve). */
    byte[] answer(HttpStatus status, String type, String title, String detail, String path, boolean withBody,
                  List<Map.Entry<String, String>> headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return encode(problem, path, new ArrayList<>(headers), withBody);
    }

    private static ProblemDetail problem(RuntimeException failure, List<Map.Entry<String, String>> headers) {
        if (failure instanceof AuthenticationException unauthenticated) {
            headers.add(Map.entry("WWW-Authenticate", SecurityProblems.challenge(unauthenticated)));
            return SecurityProblems.unauthorized(unauthenticated);
        }
        if (failure instanceof NotFoundException notFound) {
            return ProblemDetailsAdvice.notFoundProblem(notFound);
        }
        if (failure instanceof InvalidFieldsException invalid) {
            return ProblemDetailsAdvice.invalidFieldsProblem(invalid);
        }
        if (failure instanceof PositionNotReachedException notReached) {
            headers.add(Map.entry("Retry-After", PositionProblems.retryAfter(notReached)));
            return PositionProblems.problem(notReached);
        }
        log.error("Unexpected failure while answering on the player port", failure);
        ProblemDetail internal = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; it has been logged.");
        internal.setType(URI.create(TYPE_BASE + "internal"));
        internal.setTitle("Internal error");
        return internal;
    }

    private byte[] encode(ProblemDetail problem, String path, List<Map.Entry<String, String>> headers, boolean withBody) {
        problem.setInstance(URI.create(path));
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail is always serializable", e);
        }
        headers.addAll(ManifestHeaders.SECURITY);
        headers.addAll(ManifestHeaders.NO_STORE);
        headers.add(Map.entry("Content-Type", "application/problem+json"));
        return HttpAnswers.encode(HttpResponseStatus.valueOf(problem.getStatus()), headers, body, withBody, false);
    }
}
