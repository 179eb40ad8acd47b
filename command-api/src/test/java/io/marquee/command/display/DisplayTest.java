package io.marquee.command.display;

import io.marquee.command.display.token.DeviceTokenHash;
import io.marquee.command.playlist.PlaylistLookup;
import io.marquee.events.display.DeviceTokenIssuedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.DisplayUpdatedEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.display.PlaylistUnassignedEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.infra.web.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.marquee.command.display.RuleMatchers.conflict;
import static io.marquee.command.display.RuleMatchers.invalid;
import static org.assertj.core.api.Assertions.assertThat;

class DisplayTest {

    static final OrganizationId ORG = OrganizationId.random();
    static final OrganizationId OTHER_ORG = OrganizationId.random();
    static final DisplayId DISPLAY = DisplayId.random();
    static final PlaylistId PLAYLIST = PlaylistId.random();
    static final DeviceTokenHash TOKEN = DeviceTokenHash.of(UUID.randomUUID().toString());

    final Map<PlaylistId, PlaylistLookup.Entry> playlists = new HashMap<>();
    final InMemoryDeviceTokens tokens = new InMemoryDeviceTokens();
    AggregateTestFixture<Display> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Display.class);
        fixture.registerInjectableResource((PlaylistLookup) id -> Optional.ofNullable(playlists.get(id)));
        fixture.registerInjectableResource(tokens);
        playlists.put(PLAYLIST, new PlaylistLookup.Entry(PLAYLIST, ORG, false));
    }

    static DisplayRegisteredEvent registered() {
        return new DisplayRegisteredEvent(DISPLAY, ORG, "Lobby", "Ground floor", "Europe/Paris", List.of("lobby"));
    }

    static RegisterDisplayCommand register(String name, String location, String timezone, List<String> tags) {
        return new RegisterDisplayCommand(DISPLAY, ORG, name, location, timezone, tags, TOKEN);
    }

    static UpdateDisplayCommand update(String name, String location, String timezone, List<String> tags) {
        return new UpdateDisplayCommand(DISPLAY, ORG, name, location, timezone, tags);
    }

    // ---- registration ----

    @Test
    void a_display_is_registered_with_its_details_and_a_first_device_token() {
        fixture.givenNoPriorActivity()
                .when(register("Lobby", "Ground floor", "Europe/Paris", List.of("lobby")))
                .expectEvents(registered(), new DeviceTokenIssuedEvent(DISPLAY, ORG, 1));
    }

    @Test
    void registering_stores_the_hash_of_the_first_token_at_generation_one() {
        fixture.givenNoPriorActivity()
                .when(register("Lobby", null, null, null))
                .expectSuccessfulHandlerExecution();
        assertThat(tokens.of(DISPLAY)).contains(new InMemoryDeviceTokens.Row(ORG, 1, TOKEN));
    }

    @Test
    void a_display_without_timezone_runs_in_utc() {
        fixture.givenNoPriorActivity()
                .when(register("Lobby", null, null, null))
                .expectEvents(new DisplayRegisteredEvent(DISPLAY, ORG, "Lobby", null, "UTC", List.of()),
                        new DeviceTokenIssuedEvent(DISPLAY, ORG, 1));
    }

    @Test
    void names_locations_and_tags_are_stripped_and_tags_kept_once() {
        fixture.givenNoPriorActivity()
                .when(register(" Lobby ", "  ", null, List.of(" lobby", "east", "lobby ")))
                .expectEvents(new DisplayRegisteredEvent(DISPLAY, ORG, "Lobby", null, "UTC", List.of("lobby", "east")),
                        new DeviceTokenIssuedEvent(DISPLAY, ORG, 1));
    }

    @Test
    void a_display_needs_a_name() {
        fixture.givenNoPriorActivity()
                .when(register("  ", null, null, null))
                .expectException(invalid("display-name-required"))
                .expectNoEvents();
    }

    @Test
    void a_name_has_at_most_200_characters() {
        fixture.givenNoPriorActivity()
                .when(register("x".repeat(201), null, null, null))
                .expectException(invalid("display-name-length"))
                .expectNoEvents();
    }

    @Test
    void a_timezone_must_be_an_iana_zone() {
        fixture.givenNoPriorActivity()
                .when(register("Lobby", null, "Mars/Olympus", null))
                .expectException(invalid("display-timezone-iana"))
                .expectExceptionMessage("timezone must be an IANA zone id such as Europe/Paris.");
    }

    @Test
    void a_display_has_at_most_50_tags() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            tags.add("tag-" + i);
        }
        fixture.givenNoPriorActivity()
                .when(register("Lobby", null, null, tags))
                .expectException(invalid("display-max-tags"))
                .expectNoEvents();
    }

    @Test
    void a_tag_has_at_most_50_characters() {
        fixture.givenNoPriorActivity()
                .when(register("Lobby", null, null, List.of("x".repeat(51))))
                .expectException(invalid("display-tag-length"))
                .expectNoEvents();
    }

    @Test
    void a_tag_is_not_blank() {
        fixture.givenNoPriorActivity()
                .when(register("Lobby", null, null, List.of(" ")))
                .expectException(invalid("display-tag-blank"))
                .expectNoEvents();
    }

    // ---- updates ----

    @Test
    void an_update_carries_the_whole_new_state_keeping_what_it_leaves_out() {
        fixture.given(registered())
                .when(update("Lobby west", null, "Europe/Berlin", null))
                .expectEvents(new DisplayUpdatedEvent(DISPLAY, ORG, "Lobby west", "Ground floor", "Europe/Berlin",
                        List.of("lobby")));
    }

    @Test
    void an_update_with_blank_location_and_no_tags_clears_them() {
        fixture.given(registered())
                .when(update(null, "", null, List.of()))
                .expectEvents(new DisplayUpdatedEvent(DISPLAY, ORG, "Lobby", null, "Europe/Paris", List.of()));
    }

    @Test
    void an_update_that_changes_nothing_stores_nothing() {
        fixture.given(registered())
                .when(update("Lobby", " Ground floor ", "Europe/Paris", List.of("lobby")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_update_keeps_the_timezone_rule() {
        fixture.given(registered())
                .when(update(null, null, "Nowhere/Special", null))
                .expectException(invalid("display-timezone-iana"))
                .expectNoEvents();
    }

    @Test
    void an_update_cannot_blank_the_name() {
        fixture.given(registered())
                .when(update(" ", null, null, null))
                .expectException(invalid("display-name-required"))
                .expectNoEvents();
    }

    // ---- the default playlist ----

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
                .expectException(conflict("playlist-archived"))
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
