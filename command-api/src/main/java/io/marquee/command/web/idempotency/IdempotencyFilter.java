package io.marquee.command.web.idempotency;

import io.marquee.command.web.Caller;
import io.marquee.command.web.CallerResolver;
import io.marquee.command.web.CommandSender;
import io.marquee.infra.web.BodyTooLargeException;
import io.marquee.infra.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Honours {@code Idempotency-Key} on commands: the first request with a key runs and its outcome is
 * stored; a retry of the same request gets that outcome again (with {@code Idempotent-Replayed: true})
 * and runs nothing; the same key on a different request is refused (422), and a retry while the first
 * is still running is told to wait (409 + Retry-After). Keys are scoped to the caller's organization.
 * A response marked {@code Cache-Control: no-store} carries a secret (a device token): its body is
 * never stored, so its replay has the status and headers (e.g. {@code Location}) but no body.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The response headers that are part of a command's outcome. */
    private static final List<String> REPLAYED_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, CommandSender.POSITION_HEADER);

    private final IdempotencyStore store;
    private final CallerResolver callers;

    IdempotencyFilter(IdempotencyStore store, CallerResolver callers) {
        this.store = store;
        this.callers = callers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !COMMAND_METHODS.contains(request.getMethod()) || request.getHeader(KEY_HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    KEY_HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters",
                    Map.of("errors", List.of(Map.of("field", KEY_HEADER, "message", "must be 1 to 200 characters"))));
            return;
        }
        Optional<Caller> caller = callers.currentIfKnown();
        if (caller.isEmpty()) {
            // an anonymous request has no scope to remember a key in; it runs as if sent without one
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLargeException e) {
            ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
                    "Request body too large", e.getMessage(), Map.of());
            return;
        }
        String scope = caller.get().organizationId().toString();
        IdempotencyStore.Claim claim = store.claim(scope, key, fingerprint(request, body));
        if (claim instanceof IdempotencyStore.Claim.Granted) {
            runAndRemember(new CachedBodyRequest(request, body), response, chain, scope, key);
        } else if (claim instanceof IdempotencyStore.Claim.Finished finished) {
            replay(finished.outcome(), response);
        } else if (claim instanceof IdempotencyStore.Claim.InFlight) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            ProblemResponses.write(response, HttpStatus.CONFLICT, "rule/idempotency-key-in-flight",
                    "Rule violated: idempotency-key-in-flight",
                    "A request with this Idempotency-Key is still being processed; retry shortly.",
                    Map.of("rule", "idempotency-key-in-flight"));
        } else {
            ProblemResponses.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "rule/idempotency-key-reused",
                    "Rule violated: idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request.",
                    Map.of("rule", "idempotency-key-reused"));
        }
    }

    private void runAndRemember(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                String scope, String key) throws ServletException, IOException {
        var recorded = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() < 500) {
                Map<String, String> headers = new LinkedHashMap<>();
                REPLAYED_HEADERS.forEach(name -> Optional.ofNullable(recorded.getHeader(name))
                        .ifPresent(value -> headers.put(name, value)));
                byte[] body = carriesSecret(recorded) ? null : recorded.getContentAsByteArray();
                store.complete(scope, key, new IdempotencyStore.Outcome(recorded.getStatus(), headers, body));
                remembered = true;
            }
        } finally {
            if (!remembered) {
                store.release(scope, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static boolean carriesSecret(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.contains("no-store");
    }

    private static void replay(IdempotencyStore.Outcome outcome, HttpServletResponse response) throws IOException {
        response.setStatus(outcome.status());
        outcome.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED_HEADER, "true");
        if (outcome.body() != null && outcome.body().length > 0) {
            response.getOutputStream().write(outcome.body());
        }
    }

    /** Same method, path and body: the same request. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The request again, with the body that was read to fingerprint it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }
    }
}
