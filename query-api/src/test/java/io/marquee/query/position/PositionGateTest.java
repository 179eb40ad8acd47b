package io.marquee.query.position;

import io.marquee.events.ids.OrganizationId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PositionGateTest {

    private static final OrganizationId ORG = OrganizationId.random();

    private final WatermarkView watermarks = new WatermarkView();
    private final PositionGate gate = new PositionGate(watermarks, Duration.ofMillis(300), Duration.ofSeconds(1));

    @Test
    void a_position_already_reached_is_answered_at_once() {
        // given
        arrive(ORG, 10);

        // then
        assertThat(gate.awaitAsync(ORG, 10)).isCompleted();
        assertThat(gate.awaitAsync(ORG, 3)).isCompleted();
    }

    @Test
    void a_waiting_read_is_released_once_the_poll_that_reaches_its_position_is_applied() {
        // given
        CompletableFuture<Void> waiting = gate.awaitAsync(ORG, 12);

        // when
        watermarks.accept(ORG.toString(), watermark(ORG, 12));

        // then: not before the whole poll is in (its manifests too), then at once
        assertThat(waiting).isNotDone();
        watermarks.afterPoll();
        assertThat(waiting).isCompleted();
    }

    @Test
    void another_organizations_watermark_releases_nothing() {
        CompletableFuture<Void> waiting = gate.awaitAsync(ORG, 5);
        arrive(OrganizationId.random(), 50);
        assertThat(waiting).isNotDone();
    }

    @Test
    void a_position_that_never_comes_fails_after_the_timeout_with_retry_after() {
        // when
        CompletableFuture<Void> waiting = gate.awaitAsync(ORG, 99);

        // then
        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
        assertThatThrownBy(waiting::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PositionNotReachedException.class)
                .satisfies(failure -> assertThat(((PositionNotReachedException) failure).retryAfter())
                        .isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void a_watermark_never_goes_backwards() {
        arrive(ORG, 20);
        arrive(ORG, 7);
        assertThat(gate.reached(ORG, 20)).isTrue();
    }

    private void arrive(OrganizationId organization, long position) {
        watermarks.accept(organization.toString(), watermark(organization, position));
        watermarks.afterPoll();
    }

    private static byte[] watermark(OrganizationId organization, long position) {
        return ("{\"organizationId\":\"" + organization + "\",\"position\":" + position + "}").getBytes(StandardCharsets.UTF_8);
    }
}
