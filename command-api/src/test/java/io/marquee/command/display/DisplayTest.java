package io.marquee.command.display;

import io.marquee.command.playlist.PlaylistLookup;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class DisplayTest {

    static final OrganizationId ORG = OrganizationId.random();
    static final OrganizationId OTHER_ORG = OrganizationId.random();
    static final DisplayId DISPLAY = DisplayId.random();
    static final PlaylistId PLAYLIST = PlaylistId.random();

    final Map<PlaylistId, PlaylistLookup.Entry> playlists = new HashMap<>();
    AggregateTestFixture<Display> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Display.class);
        fixture.registerInjectableResource((PlaylistLookup) id -> Optional.ofNullable(playlists.get(id)));
        playlists.put(PLAYLIST, new PlaylistLookup.Entry(PLAYLIST, ORG, false));
    }

    DisplayRegisteredEvent registered() {
        return new DisplayRegisteredEvent(DISPLAY, ORG, "Lobby", "Ground floor", "Europe/Paris", List.of("lobby"));
    }

    @Test
    void a_display_is_registered_with_its_details() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDisplayCommand(DISPLAY, ORG, "Lobby", "Ground floor", "Europe/Paris", List.of("lobby")))
                .expectEvents(registered());
    }

    @Test
    void a_display_without_timezone_runs_in_utc() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDisplayCommand(DISPLAY, ORG, "Lobby", null, null, null))
                .expectEvents(new DisplayRegisteredEvent(DISPLAY, ORG, "Lobby", null, "UTC", List.of()));
    }

    @Test
    void a_display_needs_a_name() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDisplayCommand(DISPLAY, ORG, "  ", null, null, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_timezone_must_be_an_iana_zone() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDisplayCommand(DISPLAY, ORG, "Lobby", null, "Mars/Olympus", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("timezone must be an IANA zone id such as Europe/Paris.");
    }

    @Test
    void a_live_playlist_of_the_same_organization_can_be_assigned() {
        fixture.given(registered())
                .when(new AssignPlaylistCommand(DISPLAY, ORG, PLAYLIST))
                .expectEvents(new PlaylistAssignedEvent(DISPLAY, ORG, PLAYLIST));
    }

    @Test
    void assigning_the_playlist_already_shown_changes_nothing() {
        fixture.given(registered(), new PlaylistAssignedEvent(DISPLAY, ORG, PLAYLIST))
                .when(new AssignPlaylistCommand(DISPLAY, ORG, PLAYLIST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_unknown_playlist_is_not_found() {
        fixture.given(registered())
                .when(new AssignPlaylistCommand(DISPLAY, ORG, PlaylistId.random()))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void another_organizations_playlist_is_not_found() {
        PlaylistId foreign = PlaylistId.random();
        playlists.put(foreign, new PlaylistLookup.Entry(foreign, OTHER_ORG, false));
        fixture.given(registered())
                .when(new AssignPlaylistCommand(DISPLAY, ORG, foreign))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void an_archived_playlist_cannot_be_assigned() {
        PlaylistId archived = PlaylistId.random();
        playlists.put(archived, new PlaylistLookup.Entry(archived, ORG, true));
        fixture.given(registered())
                .when(new AssignPlaylistCommand(DISPLAY, ORG, archived))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void another_organization_cannot_command_the_display() {
        fixture.given(registered())
                .when(new AssignPlaylistCommand(DISPLAY, OTHER_ORG, PLAYLIST))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void unassigning_removes_the_default_playlist() {
        fixture.given(registered(), new PlaylistAssignedEvent(DISPLAY, ORG, PLAYLIST))
                .when(new UnassignPlaylistCommand(DISPLAY, ORG))
                .expectEvents(new PlaylistUnassignedEvent(DISPLAY, ORG, PLAYLIST));
    }

    @Test
    void unassigning_a_display_without_playlist_changes_nothing() {
        fixture.given(registered())
                .when(new UnassignPlaylistCommand(DISPLAY, ORG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
