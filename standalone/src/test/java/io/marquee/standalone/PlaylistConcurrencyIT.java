package io.marquee.standalone;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent commands on one playlist lose nothing and double nothing. */
class PlaylistConcurrencyIT extends SharedPlatform {

    static final int ADDITIONS = 50;

    @Test
    void fifty_parallel_item_additions_all_end_up_in_the_playlist_exactly_once() throws Exception {
        // given an empty playlist and a content item
        String contentId = createContent("IMAGE", "https://cdn.example.com/a.png");
        String playlistId = createPlaylist();
        String items = "/api/playlists/" + playlistId + "/items";

        // when 50 clients add an item at the same moment
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpProbe.Answer>> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(ADDITIONS);
        try {
            for (int i = 0; i < ADDITIONS; i++) {
                int duration = i + 1;
                answers.add(clients.submit((Callable<HttpProbe.Answer>) () -> {
                    start.await();
                    return http().post(items, "{\"contentId\":\"" + contentId + "\",\"durationSeconds\":" + duration + "}");
                }));
            }
            start.countDown();
            Set<String> itemIds = new HashSet<>();
            for (Future<HttpProbe.Answer> answer : answers) {
                HttpProbe.Answer added = answer.get();
                assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
                itemIds.add(added.json().get("itemId").asText());
            }

            // then the stored history has exactly those 50 additions, one each, in an unbroken sequence
            List<StoredEvent> events = eventsOf(playlistId);
            assertThat(events).extracting(StoredEvent::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, ADDITIONS).boxed().toList());
            List<String> added = events.stream().filter(event -> event.type().equals("PlaylistItemAddedEvent"))
                    .map(event -> event.payload().get("item").get("itemId").asText()).toList();
            assertThat(added).hasSize(ADDITIONS).doesNotHaveDuplicates();
            assertThat(new HashSet<>(added)).isEqualTo(itemIds);
            assertThat(events.stream().filter(event -> event.type().equals("PlaylistItemAddedEvent"))
                    .map(event -> event.payload().get("item").get("durationSeconds").asInt()))
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, ADDITIONS).mapToObj(n -> (int) n).toList());
        } finally {
            clients.shutdownNow();
        }

        // and the aggregate itself counts 50 items: position 51 is past the end, position 50 appends
        assertProblem(http().post(items, "{\"contentId\":\"" + contentId + "\",\"position\":51}"), 422, "item-position-range");
        assertThat(http().post(items, "{\"contentId\":\"" + contentId + "\",\"position\":50}").status()).isEqualTo(201);
    }
}
