package io.marquee.command.eventstore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedAggregateCacheTest {

    final BoundedAggregateCache cache = new BoundedAggregateCache(2);

    @Test
    void an_entry_survives_a_garbage_collection() {
        // given
        cache.put("display-1", new Object());

        // when
        System.gc();

        // then
        assertThat((Object) cache.get("display-1")).isNotNull();
    }

    @Test
    void beyond_its_capacity_the_least_recently_used_entry_goes() {
        // given
        cache.put("a", "A");
        cache.put("b", "B");
        cache.get("a");

        // when
        cache.put("c", "C");

        // then
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void putting_null_forgets_the_entry() {
        // given
        cache.put("a", "A");

        // when
        cache.put("a", null);

        // then
        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void put_if_absent_keeps_the_entry_already_there() {
        // given
        cache.put("a", "first");

        // when
        boolean stored = cache.putIfAbsent("a", "second");

        // then
        assertThat(stored).isFalse();
        assertThat((Object) cache.get("a")).isEqualTo("first");
    }

    @Test
    void a_capacity_below_one_is_refused() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
