package io.marquee.events.playlist;

import io.marquee.events.ids.PlaylistItemId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PlaylistItemsTest {

    static final List<PlaylistItem> ABC = List.of(item("a"), item("b"), item("c"));

    static PlaylistItem item(String name) {
        return new PlaylistItem(new PlaylistItemId(java.util.UUID.nameUUIDFromBytes(name.getBytes())),
                "https://cdn.example.com/" + name + ".png", null, null);
    }

    static String names(List<PlaylistItem> items) {
        return String.join("", items.stream().map(i -> i.uri().replaceAll(".*/(\\w+)\\.png", "$1")).toList());
    }

    @ParameterizedTest(name = "insert x at {0} -> {1}")
    @CsvSource({"0, xabc", "1, axbc", "3, abcx", "99, abcx", "-5, xabc"})
    void an_inserted_item_lands_at_its_position_clamped_to_the_list(int position, String expected) {
        assertThat(names(PlaylistItems.insert(ABC, item("x"), position))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "move a to {0} -> {1}")
    @CsvSource({"0, abc", "1, bac", "2, bca", "99, bca"})
    void a_moved_item_lands_at_its_position_counted_without_it(int position, String expected) {
        assertThat(names(PlaylistItems.move(ABC, item("a").itemId(), position))).isEqualTo(expected);
    }

    @Test
    void moving_or_removing_an_unknown_item_changes_nothing() {
        assertThat(PlaylistItems.move(ABC, item("zz").itemId(), 0)).isEqualTo(ABC);
        assertThat(PlaylistItems.remove(ABC, item("zz").itemId())).isEqualTo(ABC);
    }

    @Test
    void a_duration_change_touches_only_its_item() {
        List<PlaylistItem> edited = PlaylistItems.withDuration(ABC, item("b").itemId(), 42);
        assertThat(edited).extracting(PlaylistItem::durationSeconds).containsExactly(null, 42, null);
    }

    @Test
    void inserting_an_item_already_there_does_not_duplicate_it() {
        assertThat(names(PlaylistItems.insert(ABC, item("b"), 0))).isEqualTo("bac");
    }

    /** Property: any sequence of edits keeps every item exactly once, whatever the positions. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2026, 99991})
    void random_edits_never_lose_or_duplicate_an_item(long seed) {
        Random random = new Random(seed);
        List<PlaylistItem> items = new ArrayList<>(ABC);
        List<String> expected = new ArrayList<>(List.of("a", "b", "c"));
        for (int step = 0; step < 200; step++) {
            int action = random.nextInt(3);
            if (action == 0 || items.isEmpty()) {
                String name = "n" + step;
                items = PlaylistItems.insert(items, item(name), random.nextInt(items.size() + 3) - 1);
                expected.add(name);
            } else if (action == 1) {
                PlaylistItem target = items.get(random.nextInt(items.size()));
                items = PlaylistItems.move(items, target.itemId(), random.nextInt(items.size() + 2));
            } else {
                PlaylistItem target = items.get(random.nextInt(items.size()));
                items = PlaylistItems.remove(items, target.itemId());
                expected.remove(target.uri().replaceAll(".*/(\\w+)\\.png", "$1"));
            }
            assertThat(items).doesNotHaveDuplicates();
            assertThat(items).hasSize(expected.size());
        }
        assertThat(items.stream().map(item -> item.uri().replaceAll(".*/(\\w+)\\.png", "$1")).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
