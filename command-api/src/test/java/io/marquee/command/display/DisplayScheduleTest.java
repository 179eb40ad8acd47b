package io.marquee.command.display;

import io.marquee.command.playlist.PlaylistLookup;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.ScheduleEntryAddedEvent;
import io.marquee.events.display.ScheduleEntryRemovedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.ScheduleEntryId;
import io.marquee.infra.web.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.marquee.command.display.RuleMatchers.conflict;
import static io.marquee.command.display.RuleMatchers.invalid;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;

/** The Display aggregate's schedule: entries that override the default playlist at given times. */
class DisplayScheduleTest {

    static final OrganizationId ORG = OrganizationId.random();
    static final OrganizationId OTHER_ORG = OrganizationId.random();
    static final DisplayId DISPLAY = DisplayId.random();
    static final PlaylistId PLAYLIST = PlaylistId.random();
    static final ScheduleEntryId ENTRY = ScheduleEntryId.random();
    static final LocalTime NINE = LocalTime.of(9, 0);
    static final LocalTime FIVE_THIRTY_PM = LocalTime.of(17, 30);

    final Map<PlaylistId, PlaylistLookup.Entry> playlists = new HashMap<>();
    AggregateTestFixture<Display> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Display.class);
        fixture.registerInjectableResource((PlaylistLookup) id -> Optional.ofNullable(playlists.get(id)));
        fixture.registerInjectableResource(new InMemoryDeviceTokens());
        playlists.put(PLAYLIST, new PlaylistLookup.Entry(PLAYLIST, ORG, false));
    }

    static DisplayRegisteredEvent registered() {
        return new DisplayRegisteredEvent(DISPLAY, ORG, "Lobby", null, "Europe/Paris", List.of());
    }

    static AddScheduleEntryCommand add(PlaylistId playlist, List<DayOfWeek> days, LocalTime start, LocalTime end,
                                       LocalDate from, LocalDate until, Integer priority) {
        return new AddScheduleEntryCommand(DISPLAY, ORG, ENTRY, playlist, days, start, end, from, until, priority);
    }

    static ScheduleEntryAddedEvent added(ScheduleEntryId entry) {
        return new ScheduleEntryAddedEvent(DISPLAY, ORG, entry, PLAYLIST, List.of(), null, null, null, null, 0);
    }

    @Test
    void an_entry_is_added_with_its_days_in_week_order_its_times_dates_and_priority() {
        fixture.given(registered())
                .when(add(PLAYLIST, List.of(FRIDAY, MONDAY), NINE, FIVE_THIRTY_PM,
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 5))
                .expectEvents(new ScheduleEntryAddedEvent(DISPLAY, ORG, ENTRY, PLAYLIST, List.of("MONDAY", "FRIDAY"),
                        NINE, FIVE_THIRTY_PM, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 5));
    }

    @Test
    void an_entry_without_rules_plays_every_day_all_day_at_priority_zero() {
        fixture.given(registered())
                .when(add(PLAYLIST, null, null, null, null, null, null))
                .expectEvents(added(ENTRY));
    }

    @Test
    void a_day_is_named_once() {
        fixture.given(registered())
                .when(add(PLAYLIST, List.of(MONDAY, SUNDAY, MONDAY), null, null, null, null, null))
                .expectException(invalid("schedule-days-distinct"))
                .expectNoEvents();
    }

    @Test
    void start_and_end_times_come_together() {
        fixture.given(registered())
                .when(add(PLAYLIST, null, NINE, null, null, null, null))
                .expectException(invalid("schedule-times-paired"))
                .expectNoEvents();
    }

    @Test
    void start_and_end_times_differ() {
        fixture.given(registered())
                .when(add(PLAYLIST, null, NINE, NINE, null, null, null))
                .expectException(invalid("schedule-times-distinct"))
                .expectNoEvents();
    }

    @Test
    void a_start_after_the_end_runs_overnight() {
        fixture.given(registered())
                .when(add(PLAYLIST, List.of(FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), null, null, null))
                .expectEvents(new ScheduleEntryAddedEvent(DISPLAY, ORG, ENTRY, PLAYLIST, List.of("FRIDAY"),
                        LocalTime.of(22, 0), LocalTime.of(6, 0), null, null, 0));
    }

    @Test
    void the_start_date_is_not_after_the_end_date() {
        fixture.given(registered())
                .when(add(PLAYLIST, null, null, null, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 1), null))
                .expectException(invalid("schedule-dates-ordered"))
                .expectNoEvents();
    }

    @Test
    void an_entry_may_run_for_a_single_date() {
        LocalDate day = LocalDate.of(2026, 12, 24);
        fixture.given(registered())
                .when(add(PLAYLIST, null, null, null, day, day, null))
                .expectEvents(new ScheduleEntryAddedEvent(DISPLAY, ORG, ENTRY, PLAYLIST, List.of(), null, null, day, day, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1001})
    void a_priority_is_between_0_and_1000(int priority) {
        fixture.given(registered())
                .when(add(PLAYLIST, null, null, null, null, null, priority))
                .expectException(invalid("schedule-priority-range"))
                .expectNoEvents();
    }

    @Test
    void an_unknown_playlist_is_not_found() {
        fixture.given(registered())
                .when(add(PlaylistId.random(), null, null, null, null, null, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void another_organizations_playlist_is_not_found() {
        PlaylistId foreign = PlaylistId.random();
        playlists.put(foreign, new PlaylistLookup.Entry(foreign, OTHER_ORG, false));
        fixture.given(registered())
                .when(add(foreign, null, null, null, null, null, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void an_archived_playlist_cannot_be_scheduled() {
        PlaylistId archived = PlaylistId.random();
        playlists.put(archived, new PlaylistLookup.Entry(archived, ORG, true));
        fixture.given(registered())
                .when(add(archived, null, null, null, null, null, null))
                .expectException(conflict("playlist-archived"))
                .expectNoEvents();
    }

    @Test
    void a_display_holds_at_most_100_entries() {
        List<Object> history = new ArrayList<>(List.of(registered()));
        for (int i = 0; i < ScheduleRules.MAX_ENTRIES; i++) {
            history.add(added(ScheduleEntryId.random()));
        }
        fixture.given(history)
                .when(add(PLAYLIST, null, null, null, null, null, null))
                .expectException(conflict("schedule-max-entries"))
                .expectNoEvents();
    }

    @Test
    void a_removed_entry_makes_room_for_another() {
        List<Object> history = new ArrayList<>(List.of(registered()));
        for (int i = 0; i < ScheduleRules.MAX_ENTRIES; i++) {
            history.add(added(ScheduleEntryId.random()));
        }
        ScheduleEntryId last = ((ScheduleEntryAddedEvent) history.get(history.size() - 1)).entryId();
        history.add(new ScheduleEntryRemovedEvent(DISPLAY, ORG, last));
        fixture.given(history)
                .when(add(PLAYLIST, null, null, null, null, null, null))
                .expectEvents(added(ENTRY));
    }

    @Test
    void an_entry_is_removed() {
        fixture.given(registered(), added(ENTRY))
                .when(new RemoveScheduleEntryCommand(DISPLAY, ORG, ENTRY))
                .expectEvents(new ScheduleEntryRemovedEvent(DISPLAY, ORG, ENTRY));
    }

    @Test
    void an_unknown_entry_is_not_found() {
        fixture.given(registered(), added(ENTRY))
                .when(new RemoveScheduleEntryCommand(DISPLAY, ORG, ScheduleEntryId.random()))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void an_entry_already_removed_is_not_found() {
        fixture.given(registered(), added(ENTRY), new ScheduleEntryRemovedEvent(DISPLAY, ORG, ENTRY))
                .when(new RemoveScheduleEntryCommand(DISPLAY, ORG, ENTRY))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
