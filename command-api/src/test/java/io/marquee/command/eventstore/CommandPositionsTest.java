package io.marquee.command.eventstore;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class CommandPositionsTest {

    final CommandPositions positions = new CommandPositions();

    @Test
    void an_expected_command_collects_the_highest_position_of_its_events() {
        // given
        positions.expect("command-1");

        // when
        positions.stored("command-1", 41);
        positions.stored("command-1", 43);
        positions.stored("command-1", 42);

        // then
        assertThat(positions.collect("command-1")).isEqualTo(OptionalLong.of(43));
    }

    @Test
    void a_command_that_stored_nothing_collects_nothing() {
        // given
        positions.expect("command-1");

        // when
        OptionalLong collected = positions.collect("command-1");

        // then
        assertThat(collected).isEmpty();
    }

    @Test
    void events_of_a_command_nobody_expects_are_not_kept() {
        // given
        positions.stored("import", 7);

        // when
        positions.expect("import");

        // then
        assertThat(positions.collect("import")).isEmpty();
    }

    @Test
    void a_collected_command_is_forgotten() {
        // given
        positions.expect("command-1");
        positions.stored("command-1", 5);
        positions.collect("command-1");

        // when
        positions.stored("command-1", 6);

        // then
        assertThat(positions.collect("command-1")).isEmpty();
    }

    @Test
    void commands_do_not_see_each_others_positions() {
        // given
        positions.expect("command-1");
        positions.expect("command-2");

        // when
        positions.stored("command-1", 10);
        positions.stored("command-2", 9);

        // then
        assertThat(positions.collect("command-1")).isEqualTo(OptionalLong.of(10));
        assertThat(positions.collect("command-2")).isEqualTo(OptionalLong.of(9));
    }
}
