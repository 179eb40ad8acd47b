package io.marquee.query.admin;

import io.marquee.infra.security.AuthenticatedCaller;
import io.marquee.infra.web.ProblemResponses;
import io.marquee.query.position.PositionGate;
import io.marquee.query.position.PositionNotReachedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * {@code Marquee-Min-Position} on the admin reads: the read runs once the organization's projections
 * have applied its events up to the position, or answers 503 with {@code Retry-After}. Unlike the
 * players' hot path, this waits on the request thread: admin reads are few, and only a client that
 * just wrote sends the header. The wait is bounded by {@code marquee.query.min-position-timeout}.
 */
class AdminReadPositionFilter extends OncePerRequestFilter {

    private static final List<String> ADMIN_READS = List.of("/api/content", "/api/playlists", "/api/displays");

    private final PositionGate positions;

    AdminReadPositionFilter(PositionGate positions) {
        this.positions = positions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || request.getHeader(PositionGate.HEADER) == null
                || path.endsWith("/manifest") || path.endsWith("/manifest/stream")
                || ADMIN_READS.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long position;
        try {
            position = Long.parseLong(request.getHeader(PositionGate.HEADER).trim());
        } catch (NumberFormatException e) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    PositionGate.HEADER + " must be a number", Map.of("errors",
                            List.of(Map.of("field", PositionGate.HEADER, "message", "must be a number"))));
            return;
        }
        var caller = AuthenticatedCaller.current();
        if (caller.isPresent()) {
            try {
                positions.awaitAsync(caller.get().organizationId(), position).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PositionNotReachedException notReached) {
                    // the same answer as the players' reads give (PositionProblems)
                    response.setHeader(HttpHeaders.RETRY_AFTER,
                            Long.toString(Math.max(1, notReached.retryAfter().toSeconds())));
                    ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "min-position-not-reached",
                            "Position not reached", notReached.getMessage(), Map.of("header", PositionGate.HEADER));
                    return;
                }
                throw new ServletException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException(e);
            }
        }
        chain.doFilter(request, response);
    }
}
