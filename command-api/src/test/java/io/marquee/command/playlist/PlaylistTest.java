package io.marquee.command.playlist;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaylistTest {

    static final OrganizationId ORG = OrganizationId.random();
    static final PlaylistId PLAYLIST = PlaylistId.random();

    AggregateTestFixture<Playlist> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Playlist.class);
    }

    static CreatePlaylistCommand create(List<CreatePlaylistCommand.NewItem> items) {
        return new CreatePlaylistCommand(PLAYLIST, ORG, "Morning loop", items);
    }

    @Test
    void a_playlist_is_created_with_its_items_in_order_and_fresh_item_ids() {
        PlaylistCreatedEvent event = createdBy(create(List.of(
                new CreatePlaylistCommand.NewItem("https://cdn.example.com/a.png", 5),
                new CreatePlaylistCommand.NewItem("http://cdn.example.com/b.mp4", 30))));
        assertThat(event.name()).isEqualTo("Morning loop");
        assertThat(event.items()).extracting(item -> item.uri() + "@" + item.durationSeconds())
                .containsExactly("https://cdn.example.com/a.png@5", "http://cdn.example.com/b.mp4@30");
        assertThat(event.items().get(0).itemId()).isNotEqualTo(event.items().get(1).itemId());
    }

    @Test
    void a_playlist_may_start_empty() {
        fixture.givenNoPriorActivity()
                .when(create(null))
                .expectEvents(new PlaylistCreatedEvent(PLAYLIST, ORG, "Morning loop", List.of()));
    }

    @Test
    void an_item_without_duration_plays_for_the_default_duration() {
        PlaylistCreatedEvent event = createdBy(create(List.of(new CreatePlaylistCommand.NewItem("https://x.example/a.png", null))));
        assertThat(event.items().get(0).durationSeconds()).isEqualTo(PlaylistRules.DEFAULT_DURATION_SECONDS);
    }

    @Test
    void a_playlist_needs_a_name() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlaylistCommand(PLAYLIST, ORG, " ", List.of()))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 86_401})
    void an_item_plays_between_one_second_and_one_day(int seconds) {
        fixture.givenNoPriorActivity()
                .when(create(List.of(new CreatePlaylistCommand.NewItem("https://x.example/a.png", seconds))))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x.example/a.png", "javascript:alert(1)", "/relative/a.png", "not a uri", ""})
    void an_items_uri_must_be_absolute_http_or_https(String uri) {
        fixture.givenNoPriorActivity()
                .when(create(List.of(new CreatePlaylistCommand.NewItem(uri, 10))))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_playlist_holds_at_most_500_items() {
        fixture.givenNoPriorActivity()
                .when(create(Collections.nCopies(501, new CreatePlaylistCommand.NewItem("https://x.example/a.png", 10))))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_playlist_of_exactly_500_items_is_accepted() {
        assertThat(createdBy(create(Collections.nCopies(500,
                new CreatePlaylistCommand.NewItem("https://x.example/a.png", 10)))).items()).hasSize(500);
    }

    private PlaylistCreatedEvent createdBy(CreatePlaylistCommand command) {
        fixture.givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution();
        return (PlaylistCreatedEvent) fixture.getEventStore().readEvents(PLAYLIST.toString()).asStream().findFirst().orElseThrow().getPayload();
    }
}
