package io.marquee.query.position;

import io.marquee.events.ids.OrganizationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code Marquee-Min-Position} for any read of the read side: a future that completes once the
 * projections have applied the organization's events up to the position, without holding a request
 * thread (return it, or a {@code DeferredResult} fed by it, from a controller). If that does not happen
 * within {@code marquee.query.min-position-timeout}, it fails with {@link PositionNotReachedException}:
 * 503 with {@code Retry-After}.
 */
@Component
public class PositionGate {

    /** The request header a client echoes from a command's {@code Marquee-Position}. */
    public static final String HEADER = "Marquee-Min-Position";

    private final WatermarkView watermarks;
    private final Duration timeout;
    private final Duration retryAfter;

    PositionGate(WatermarkView watermarks,
                 @Value("${marquee.query.min-position-timeout}") Duration timeout,
                 @Value("${marquee.query.min-position-retry-after}") Duration retryAfter) {
        this.watermarks = watermarks;
        this.timeout = timeout;
        this.retryAfter = retryAfter;
    }

    /** True if the organization's reads already reflect {@code position}. */
    public boolean reached(OrganizationId organization, long position) {
        return watermarks.of(organization.value()) >= position;
    }

    /** Completes (on the tailer's thread) once reads reflect {@code position}, or fails after the timeout. */
    public CompletableFuture<Void> awaitAsync(OrganizationId organization, long position) {
        return awaitAsync(organization, position, new CompletableFuture<>());
    }

    /**
     * The same, but also completes as soon as {@code sooner} does: what one read needs may be there before the
     * organization's watermark is (a manifest read: its own display's manifest at the position, see
     * {@code ManifestArrivals}). {@code sooner} is cancelled once the wait is over without it.
     */
    public CompletableFuture<Void> awaitAsync(OrganizationId organization, long position, CompletableFuture<Void> sooner) {
        if (reached(organization, position) || sooner.isDone() && !sooner.isCompletedExceptionally()) {
            sooner.cancel(false);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> reached = watermarks.await(organization.value(), position);
        CompletableFuture<Void> bounded = new CompletableFuture<>();
        CompletableFuture.anyOf(reached, sooner).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, failure) -> {
            watermarks.forget(organization.value(), reached);
            sooner.cancel(false);
            if (failure == null) {
                bounded.complete(null);
            } else {
                bounded.completeExceptionally(new PositionNotReachedException(position, retryAfter));
            }
        });
        return bounded;
    }
}
