package io.marquee.query.position;

import io.marquee.events.Topics;
import io.marquee.events.ids.OrganizationId;
import io.marquee.query.tail.ConsumedOffsets;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PositionGateTest {

    private static final OrganizationId ORG = OrganizationId.random();

    /** What the tailer has consumed when no watermark asks for a manifest offset. */
    private static final ConsumedOffsets NOTHING_NEEDED = (topic, partition) -> 0;

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
        watermarks.afterPoll(NOTHING_NEEDED);
        assertThat(waiting).isCompleted();
    }

    @Test
    void a_watermark_read_before_its_manifests_releases_nothing_until_they_are_consumed() {
        // given a read waiting for position 12, and the tailer 3 records short of the manifests that reflect it
        CompletableFuture<Void> waiting = gate.awaitAsync(ORG, 12);
        Map<Integer, Long> consumed = new HashMap<>(Map.of(0, 40L, 1, 7L));
        ConsumedOffsets tailer = (topic, partition) -> topic == Topics.DISPLAY_MANIFESTS ? consumed.getOrDefault(partition, 0L) : 0;

        // when the watermark arrives first
        watermarks.accept(ORG.toString(), watermark(ORG, 12, "{\"0\":40,\"1\":10}"));
        watermarks.afterPoll(tailer);

        // then nothing is released, and a new read is not answered from the stale manifest either
        assertThat(waiting).isNotDone();
        assertThat(gate.reached(ORG, 12)).isFalse();

        // when the poll that brings the manifests is in
        consumed.put(1, 10L);
        watermarks.afterPoll(tailer);

        // then
        assertThat(waiting).isCompleted();
        assertThat(gate.reached(ORG, 12)).isTrue();
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
    void a_wait_is_released_by_its_sooner_future_before_the_watermark() {
        // given
        CompletableFuture<Void> sooner = new CompletableFuture<>();
        CompletableFuture<Void> waiting = gate.awaitAsync(ORG, 12, sooner);

        // when the read's own data is there (its manifest arrived), the watermark still behind
        sooner.complete(null);

        // then
        assertThat(waiting).isCompleted();
        assertThat(gate.reached(ORG, 12)).isFalse();
    }

    @Test
    void the_watermark_releases_a_wait_and_cancels_its_sooner_future() {
        // given
        CompletableFuture<Void> sooner = new CompletableFuture<>();
        CompletableFuture<Void> waiting = gate.awaitAsync(ORG, 12, sooner);

        // when
        arrive(ORG, 12);

        // then the waiter behind the sooner future can be forgotten
        assertThat(waiting).isCompleted();
        assertThat(sooner).isCancelled();
    }

    @Test
    void a_wait_released_by_neither_fails_after_the_timeout_and_cancels_its_sooner_future() {
        // given
        CompletableFuture<Void> sooner = new CompletableFuture<>();

        // when
        CompletableFuture<Void> waiting = gate.awaitAsync(ORG, 99, sooner);

        // then
        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
        assertThatThrownBy(waiting::get).cause().isInstanceOf(PositionNotReachedException.class);
        assertThat(sooner).isCancelled();
    }

    @Test
    void a_watermark_never_goes_backwards() {
        arrive(ORG, 20);
        arrive(ORG, 7);
        assertThat(gate.reached(ORG, 20)).isTrue();
    }

    private void arrive(OrganizationId organization, long position) {
        watermarks.accept(organization.toString(), watermark(organization, position));
        watermarks.afterPoll(NOTHING_NEEDED);
    }

    private static byte[] watermark(OrganizationId organization, long position) {
        return ("{\"organizationId\":\"" + organization + "\",\"position\":" + position + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] watermark(OrganizationId organization, long position, String manifestOffsets) {
        return ("{\"organizationId\":\"" + organization + "\",\"position\":" + position
                + ",\"manifestOffsets\":" + manifestOffsets + "}").getBytes(StandardCharsets.UTF_8);
    }
}
