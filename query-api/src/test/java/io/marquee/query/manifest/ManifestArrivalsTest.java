package io.marquee.query.manifest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestArrivalsTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID DISPLAY = UUID.randomUUID();

    private final ManifestView view = new ManifestView();
    private final ManifestArrivals arrivals = new ManifestArrivals(view);

    @Test
    void a_read_is_released_when_its_displays_manifest_arrives_at_the_position() {
        // given
        publish(DISPLAY, 1, 10);
        CompletableFuture<Void> waiting = arrivals.await(DISPLAY, 12);

        // when
        publish(DISPLAY, 2, 12);

        // then
        assertThat(waiting).isCompleted();
        assertThat(arrivals.waiting()).isZero();
    }

    @Test
    void a_manifest_below_the_position_releases_nothing() {
        // given
        CompletableFuture<Void> waiting = arrivals.await(DISPLAY, 12);

        // when
        publish(DISPLAY, 1, 11);

        // then
        assertThat(waiting).isNotDone();
    }

    @Test
    void another_displays_manifest_releases_nothing() {
        // given
        CompletableFuture<Void> waiting = arrivals.await(DISPLAY, 12);

        // when
        publish(UUID.randomUUID(), 1, 50);

        // then
        assertThat(waiting).isNotDone();
    }

    @Test
    void a_manifest_already_at_the_position_answers_at_once() {
        // given
        publish(DISPLAY, 3, 20);

        // when / then
        assertThat(arrivals.await(DISPLAY, 20)).isCompleted();
        assertThat(arrivals.waiting()).isZero();
    }

    @Test
    void a_cancelled_wait_is_forgotten() {
        // given
        CompletableFuture<Void> waiting = arrivals.await(DISPLAY, 12);

        // when (the watermark released the read, or it timed out)
        waiting.cancel(false);

        // then
        assertThat(arrivals.waiting()).isZero();
    }

    private void publish(UUID display, long version, long position) {
        view.accept(display.toString(), ("{\"displayId\":\"" + display + "\",\"organizationId\":\"" + ORG + "\",\"version\":"
                + version + ",\"position\":" + position + ",\"schedule\":[]}").getBytes(StandardCharsets.UTF_8));
    }
}
