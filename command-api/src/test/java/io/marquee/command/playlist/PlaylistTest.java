package io.marquee.command.playlist;

import io.marquee.command.content.ContentLookup;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistArchivedEvent;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemMovedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
import io.marquee.events.playlist.PlaylistRenamedEvent;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PlaylistTest {

    static final OrganizationId ORG = OrganizationId.random();
    static final OrganizationId OTHER_ORG = OrganizationId.random();
    static final PlaylistId PLAYLIST = PlaylistId.random();
    static final ContentId IMAGE = ContentId.random();
    static final ContentId VIDEO = ContentId.random();
    static final PlaylistItemId FIRST = PlaylistItemId.random();
    static final PlaylistItemId SECOND = PlaylistItemId.random();
    static final PlaylistItemId THIRD = PlaylistItemId.random();

    final Map<ContentId, ContentLookup.Entry> contents = new HashMap<>();
    AggregateTestFixture<Playlist> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Playlist.class);
        fixture.registerInjectableResource((ContentLookup) id -> Optional.ofNullable(contents.get(id)));
        contents.put(IMAGE, new ContentLookup.Entry(IMAGE, ORG, false));
        contents.put(VIDEO, new ContentLookup.Entry(VIDEO, ORG, false));
    }

    static CreatePlaylistCommand create(List<CreatePlaylistCommand.NewItem> items) {
        return new CreatePlaylistCommand(PLAYLIST, ORG, "Morning loop", items);
    }

    /** A playlist of three items: FIRST (IMAGE, 5 s), SECOND (VIDEO, content default), THIRD (IMAGE, 20 s). */
    static PlaylistCreatedEvent created() {
        return new PlaylistCreatedEvent(PLAYLIST, ORG, "Morning loop", List.of(
                PlaylistItem.ofContent(FIRST, IMAGE, 5),
                PlaylistItem.ofContent(SECOND, VIDEO, null),
                PlaylistItem.ofContent(THIRD, IMAGE, 20)));
    }

    static AddPlaylistItemCommand add(ContentId content, Integer duration, Integer position) {
        return new AddPlaylistItemCommand(PLAYLIST, ORG, PlaylistItemId.random(), content, duration, position);
    }

    static ChangePlaylistItemCommand change(PlaylistItemId item, Optional<Integer> duration, Integer position) {
        return new ChangePlaylistItemCommand(PLAYLIST, ORG, item, duration, position);
    }

    // ---- creating ----

    @Test
    void a_playlist_is_created_with_its_content_items_in_order_and_fresh_item_ids() {
        PlaylistCreatedEvent event = createdBy(create(List.of(
                new CreatePlaylistCommand.NewItem(IMAGE, 5), new CreatePlaylistCommand.NewItem(VIDEO, null))));
        assertThat(event.name()).isEqualTo("Morning loop");
        assertThat(event.items()).extracting(item -> item.contentId() + "@" + item.durationSeconds())
                .containsExactly(IMAGE + "@5", VIDEO + "@null");
        assertThat(event.items()).extracting(PlaylistItem::uri).containsOnlyNulls();
        assertThat(event.items().get(0).itemId()).isNotEqualTo(event.items().get(1).itemId());
    }

    @Test
    void a_playlist_may_start_empty() {
        fixture.givenNoPriorActivity()
                .when(create(null))
                .expectEvents(new PlaylistCreatedEvent(PLAYLIST, ORG, "Morning loop", List.of()));
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
                .when(create(List.of(new CreatePlaylistCommand.NewItem(IMAGE, seconds))))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_playlist_holds_at_most_500_items() {
        fixture.givenNoPriorActivity()
                .when(create(Collections.nCopies(501, new CreatePlaylistCommand.NewItem(IMAGE, 10))))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_playlist_of_exactly_500_items_is_accepted() {
        assertThat(createdBy(create(Collections.nCopies(500, new CreatePlaylistCommand.NewItem(IMAGE, 10)))).items())
                .hasSize(500);
    }

    @Test
    void an_item_needs_a_content_id() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(new CreatePlaylistCommand.NewItem(null, 10))))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void an_item_of_unknown_content_is_not_found() {
        ContentId unknown = ContentId.random();
        fixture.givenNoPriorActivity()
                .when(create(List.of(new CreatePlaylistCommand.NewItem(unknown, null))))
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Content " + unknown + " was not found")
                .expectNoEvents();
    }

    @Test
    void an_item_of_another_organizations_content_is_not_found() {
        ContentId foreign = ContentId.random();
        contents.put(foreign, new ContentLookup.Entry(foreign, OTHER_ORG, false));
        fixture.givenNoPriorActivity()
                .when(create(List.of(new CreatePlaylistCommand.NewItem(foreign, null))))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void an_item_of_archived_content_is_refused() {
        ContentId archived = ContentId.random();
        contents.put(archived, new ContentLookup.Entry(archived, ORG, true));
        fixture.givenNoPriorActivity()
                .when(create(List.of(new CreatePlaylistCommand.NewItem(archived, null))))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("Content " + archived + " is archived and cannot be added to a playlist.")
                .expectNoEvents();
    }

    // ---- renaming ----

    @Test
    void a_playlist_is_renamed() {
        fixture.given(created())
                .when(new RenamePlaylistCommand(PLAYLIST, ORG, " Evening loop "))
                .expectEvents(new PlaylistRenamedEvent(PLAYLIST, ORG, "Evening loop"));
    }

    @Test
    void renaming_to_the_same_name_changes_nothing() {
        fixture.given(created())
                .when(new RenamePlaylistCommand(PLAYLIST, ORG, "Morning loop"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_rename_needs_a_name() {
        fixture.given(created())
                .when(new RenamePlaylistCommand(PLAYLIST, ORG, ""))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    // ---- adding items ----

    @Test
    void an_item_without_position_is_appended() {
        AddPlaylistItemCommand command = add(VIDEO, null, null);
        fixture.given(created())
                .when(command)
                .expectEvents(new PlaylistItemAddedEvent(PLAYLIST, ORG,
                        PlaylistItem.ofContent(command.itemId(), VIDEO, null), 3));
    }

    @Test
    void an_item_is_inserted_at_its_position() {
        AddPlaylistItemCommand command = add(IMAGE, 7, 0);
        fixture.given(created())
                .when(command)
                .expectEvents(new PlaylistItemAddedEvent(PLAYLIST, ORG, PlaylistItem.ofContent(command.itemId(), IMAGE, 7), 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4})
    void an_insert_position_beyond_the_end_is_refused_not_clamped(int position) {
        fixture.given(created())
                .when(add(IMAGE, null, position))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("position must be between 0 and 3.")
                .expectNoEvents();
    }

    @Test
    void the_501st_item_is_refused() {
        List<PlaylistItem> full = IntStream.range(0, 500)
                .mapToObj(i -> PlaylistItem.ofContent(PlaylistItemId.random(), IMAGE, null)).toList();
        fixture.given(new PlaylistCreatedEvent(PLAYLIST, ORG, "Full", full))
                .when(add(IMAGE, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("A playlist holds at most 500 items.")
                .expectNoEvents();
    }

    @Test
    void an_added_item_of_archived_content_is_refused() {
        contents.put(VIDEO, new ContentLookup.Entry(VIDEO, ORG, true));
        fixture.given(created())
                .when(add(VIDEO, null, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void an_added_item_of_another_organizations_content_is_not_found() {
        contents.put(VIDEO, new ContentLookup.Entry(VIDEO, OTHER_ORG, false));
        fixture.given(created())
                .when(add(VIDEO, null, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void an_added_item_plays_between_one_second_and_one_day() {
        fixture.given(created())
                .when(add(VIDEO, 86_401, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void an_item_id_cannot_be_added_twice() {
        fixture.given(created())
                .when(new AddPlaylistItemCommand(PLAYLIST, ORG, FIRST, IMAGE, null, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    // ---- changing items ----

    @Test
    void an_items_duration_is_changed() {
        fixture.given(created())
                .when(change(FIRST, Optional.of(30), null))
                .expectEvents(new PlaylistItemDurationChangedEvent(PLAYLIST, ORG, FIRST, 30));
    }

    @Test
    void an_items_duration_is_reset_to_the_content_default() {
        fixture.given(created())
                .when(change(FIRST, Optional.empty(), null))
                .expectEvents(new PlaylistItemDurationChangedEvent(PLAYLIST, ORG, FIRST, null));
    }

    @Test
    void a_changed_duration_plays_between_one_second_and_one_day() {
        fixture.given(created())
                .when(change(FIRST, Optional.of(0), null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void an_item_is_moved_to_its_position_counted_after_taking_it_out() {
        fixture.given(created())
                .when(change(FIRST, null, 2))
                .expectEvents(new PlaylistItemMovedEvent(PLAYLIST, ORG, FIRST, 2));
    }

    @Test
    void a_move_position_past_the_last_place_is_refused() {
        fixture.given(created())
                .when(change(FIRST, null, 3))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("position must be between 0 and 2.")
                .expectNoEvents();
    }

    @Test
    void a_duration_and_a_move_are_two_events() {
        fixture.given(created())
                .when(change(THIRD, Optional.of(9), 0))
                .expectEvents(new PlaylistItemDurationChangedEvent(PLAYLIST, ORG, THIRD, 9),
                        new PlaylistItemMovedEvent(PLAYLIST, ORG, THIRD, 0));
    }

    @Test
    void a_refused_move_also_refuses_the_duration_change_sent_with_it() {
        fixture.given(created())
                .when(change(THIRD, Optional.of(9), 7))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_change_that_changes_nothing_stores_nothing() {
        fixture.given(created())
                .when(change(SECOND, Optional.empty(), 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void moves_and_additions_are_remembered_in_order() {
        // SECOND moves to the front, then an item goes in at 1: SECOND, new, FIRST, THIRD; so FIRST is at 2
        PlaylistItemId added = PlaylistItemId.random();
        fixture.given(created(), new PlaylistItemMovedEvent(PLAYLIST, ORG, SECOND, 0),
                        new PlaylistItemAddedEvent(PLAYLIST, ORG, PlaylistItem.ofContent(added, VIDEO, null), 1))
                .when(change(FIRST, null, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changing_an_unknown_item_is_not_found() {
        fixture.given(created())
                .when(change(PlaylistItemId.random(), Optional.of(5), null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // ---- removing items ----

    @Test
    void an_item_is_removed() {
        fixture.given(created())
                .when(new RemovePlaylistItemCommand(PLAYLIST, ORG, SECOND))
                .expectEvents(new PlaylistItemRemovedEvent(PLAYLIST, ORG, SECOND));
    }

    @Test
    void removing_an_item_already_removed_is_not_found() {
        fixture.given(created(), new PlaylistItemRemovedEvent(PLAYLIST, ORG, SECOND))
                .when(new RemovePlaylistItemCommand(PLAYLIST, ORG, SECOND))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // ---- archiving, and who may command ----

    @Test
    void a_playlist_is_archived() {
        fixture.given(created())
                .when(new ArchivePlaylistCommand(PLAYLIST, ORG))
                .expectEvents(new PlaylistArchivedEvent(PLAYLIST, ORG));
    }

    @Test
    void archiving_twice_changes_nothing() {
        fixture.given(created(), new PlaylistArchivedEvent(PLAYLIST, ORG))
                .when(new ArchivePlaylistCommand(PLAYLIST, ORG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_archived_playlist_refuses_every_change() {
        List<Object> changes = List.of(
                new RenamePlaylistCommand(PLAYLIST, ORG, "Evening"),
                add(IMAGE, null, null),
                change(FIRST, Optional.of(3), null),
                new RemovePlaylistItemCommand(PLAYLIST, ORG, FIRST));
        for (Object change : changes) {
            fixture.given(created(), new PlaylistArchivedEvent(PLAYLIST, ORG))
                    .when(change)
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("Playlist " + PLAYLIST + " is archived and cannot be changed.")
                    .expectNoEvents();
        }
    }

    @Test
    void another_organization_cannot_command_the_playlist() {
        fixture.given(created())
                .when(new RenamePlaylistCommand(PLAYLIST, OTHER_ORG, "Mine"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void another_organization_cannot_archive_the_playlist() {
        fixture.given(created())
                .when(new ArchivePlaylistCommand(PLAYLIST, OTHER_ORG))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void items_stored_before_content_existed_can_still_be_changed() {
        PlaylistItemId legacy = PlaylistItemId.random();
        fixture.given(new PlaylistCreatedEvent(PLAYLIST, ORG, "Old", List.of(
                        new PlaylistItem(legacy, "https://cdn.example.com/a.png", 10, null))))
                .when(change(legacy, Optional.of(12), null))
                .expectEvents(new PlaylistItemDurationChangedEvent(PLAYLIST, ORG, legacy, 12));
    }

    private PlaylistCreatedEvent createdBy(CreatePlaylistCommand command) {
        fixture.givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution();
        return (PlaylistCreatedEvent) fixture.getEventStore().readEvents(PLAYLIST.toString()).asStream()
                .findFirst().orElseThrow().getPayload();
    }
}
