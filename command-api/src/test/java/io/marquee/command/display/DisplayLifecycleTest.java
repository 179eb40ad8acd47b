package io.marquee.command.display;

import io.marquee.command.display.token.DeviceTokenHash;
import io.marquee.command.playlist.PlaylistLookup;
import io.marquee.events.display.DeviceTokenIssuedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.ScheduleEntryId;
import io.marquee.infra.web.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import io.marquee.infra.web.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.marquee.command.display.RuleMatchers.conflict;
import static org.assertj.core.api.Assertions.assertThat;

/** A display's device token, decommissioning, and who may command it. */
class DisplayLifecycleTest {

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

    @Test
    void rotating_issues_the_next_generation() {
        fixture.given(registered(), new DeviceTokenIssuedEvent(DISPLAY, ORG, 1))
                .when(new RotateDeviceTokenCommand(DISPLAY, ORG, 2, DeviceTokenHash.of(UUID.randomUUID().toString())))
                .expectEvents(new DeviceTokenIssuedEvent(DISPLAY, ORG, 2));
    }

    @Test
    void a_token_signed_for_a_generation_already_taken_is_a_conflict() {
        fixture.given(registered(), new DeviceTokenIssuedEvent(DISPLAY, ORG, 1), new DeviceTokenIssuedEvent(DISPLAY, ORG, 2))
                .when(new RotateDeviceTokenCommand(DISPLAY, ORG, 2, DeviceTokenHash.of(UUID.randomUUID().toString())))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void rotating_replaces_the_stored_hash() {
        DeviceTokenHash next = DeviceTokenHash.of(UUID.randomUUID().toString());
        tokens.replace(DISPLAY, ORG, 1, TOKEN);
        fixture.given(registered(), new DeviceTokenIssuedEvent(DISPLAY, ORG, 1))
                .when(new RotateDeviceTokenCommand(DISPLAY, ORG, 2, next))
                .expectSuccessfulHandlerExecution();
        assertThat(tokens.of(DISPLAY)).contains(new InMemoryDeviceTokens.Row(ORG, 2, next));
    }

    @Test
    void decommissioning_records_it_and_revokes_the_token() {
        tokens.replace(DISPLAY, ORG, 1, TOKEN);
        fixture.given(registered(), new DeviceTokenIssuedEvent(DISPLAY, ORG, 1))
                .when(new DecommissionDisplayCommand(DISPLAY, ORG))
                .expectEvents(new DisplayDecommissionedEvent(DISPLAY, ORG));
        assertThat(tokens.of(DISPLAY)).isEmpty();
    }

    @Test
    void decommissioning_twice_changes_nothing() {
        fixture.given(registered(), new DisplayDecommissionedEvent(DISPLAY, ORG))
                .when(new DecommissionDisplayCommand(DISPLAY, ORG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** Every command that changes a live display, as sent by a given organization. */
    static Stream<Arguments> changes() {
        return Stream.of(
                change("update", org -> new UpdateDisplayCommand(DISPLAY, org, "Renamed", null, null, null)),
                change("rotate token", org -> new RotateDeviceTokenCommand(DISPLAY, org, 2, DeviceTokenHash.of(UUID.randomUUID().toString()))),
                change("assign", org -> new AssignPlaylistCommand(DISPLAY, org, PLAYLIST)),
                change("unassign", org -> new UnassignPlaylistCommand(DISPLAY, org)),
                change("add schedule entry", org -> new AddScheduleEntryCommand(DISPLAY, org, ScheduleEntryId.random(),
                        PLAYLIST, null, null, null, null, null, null)),
                change("remove schedule entry", org -> new RemoveScheduleEntryCommand(DISPLAY, org, ScheduleEntryId.random())));
    }

    private static Arguments change(String name, Function<OrganizationId, Object> command) {
        return Arguments.of(name, command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void a_decommissioned_display_refuses_every_change(String name, Function<OrganizationId, Object> command) {
        fixture.given(registered(), new DisplayDecommissionedEvent(DISPLAY, ORG))
                .when(command.apply(ORG))
                .expectException(conflict("display-decommissioned"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void another_organization_cannot_command_the_display(String name, Function<OrganizationId, Object> command) {
        fixture.given(registered())
                .when(command.apply(OTHER_ORG))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void another_organization_cannot_decommission_the_display() {
        fixture.given(registered())
                .when(new DecommissionDisplayCommand(DISPLAY, OTHER_ORG))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
