package io.marquee.command.content;

import io.marquee.events.content.ContentArchivedEvent;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;

class ContentTest {

    static final OrganizationId ORG = OrganizationId.random();
    static final OrganizationId OTHER_ORG = OrganizationId.random();
    static final ContentId CONTENT = ContentId.random();
    static final Instant FROM = Instant.parse("2030-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2030-02-01T00:00:00Z");

    AggregateTestFixture<Content> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Content.class);
    }

    static ContentDetails details(String name, String uri, Integer duration) {
        return new ContentDetails(name, uri, duration, null, null, null, null);
    }

    static CreateContentCommand create(ContentDetails details) {
        return new CreateContentCommand(CONTENT, ORG, ContentType.IMAGE, details);
    }

    static ContentCreatedEvent created() {
        return new ContentCreatedEvent(CONTENT, ORG, "Welcome", "IMAGE", "https://cdn.example.com/welcome.png",
                8, "sha256:abc", 1024L, FROM, UNTIL);
    }

    static UpdateContentCommand renameTo(String name) {
        return new UpdateContentCommand(CONTENT, ORG, Optional.ofNullable(name), null, null, null, null, null, null);
    }

    @Test
    void content_is_created_with_every_detail() {
        fixture.givenNoPriorActivity()
                .when(new CreateContentCommand(CONTENT, ORG, ContentType.IMAGE, new ContentDetails(" Welcome ",
                        "https://cdn.example.com/welcome.png", 8, "sha256:abc", 1024L, FROM, UNTIL)))
                .expectEvents(created());
    }

    @Test
    void content_without_optional_details_leaves_them_null() {
        fixture.givenNoPriorActivity()
                .when(new CreateContentCommand(CONTENT, ORG, ContentType.WEB_PAGE, details("Menu", "http://menu.example", null)))
                .expectEvents(new ContentCreatedEvent(CONTENT, ORG, "Menu", "WEB_PAGE", "http://menu.example",
                        null, null, null, null, null));
    }

    @Test
    void content_needs_a_name() {
        fixture.givenNoPriorActivity()
                .when(create(details("  ", "https://cdn.example.com/a.png", null)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("A content item needs a name.")
                .expectNoEvents();
    }

    @Test
    void a_name_has_at_most_200_characters() {
        fixture.givenNoPriorActivity()
                .when(create(details("n".repeat(201), "https://cdn.example.com/a.png", null)))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void content_needs_a_type() {
        fixture.givenNoPriorActivity()
                .when(new CreateContentCommand(CONTENT, ORG, null, details("A", "https://cdn.example.com/a.png", null)))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x.example/a.png", "javascript:alert(1)", "file:///etc/passwd", "/relative/a.png",
            "not a uri", ""})
    void a_uri_must_be_absolute_http_or_https(String uri) {
        fixture.givenNoPriorActivity()
                .when(create(details("A", uri, null)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("A content item's uri must be an absolute http(s) URI.")
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 86_401})
    void a_default_duration_is_between_one_second_and_one_day(int seconds) {
        fixture.givenNoPriorActivity()
                .when(create(details("A", "https://cdn.example.com/a.png", seconds)))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_size_cannot_be_negative() {
        fixture.givenNoPriorActivity()
                .when(create(new ContentDetails("A", "https://cdn.example.com/a.png", null, null, -1L, null, null)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("sizeBytes cannot be negative.")
                .expectNoEvents();
    }

    @Test
    void a_validity_window_starts_before_it_ends() {
        fixture.givenNoPriorActivity()
                .when(create(new ContentDetails("A", "https://cdn.example.com/a.png", null, null, null, UNTIL, FROM)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("validFrom must be before validUntil.")
                .expectNoEvents();
    }

    @Test
    void an_update_carries_the_whole_new_state_keeping_what_was_left_out() {
        fixture.given(created())
                .when(renameTo("Welcome, again"))
                .expectEvents(new ContentUpdatedEvent(CONTENT, ORG, "Welcome, again", "https://cdn.example.com/welcome.png",
                        8, "sha256:abc", 1024L, FROM, UNTIL));
    }

    @Test
    void an_update_can_clear_an_optional_detail() {
        fixture.given(created())
                .when(new UpdateContentCommand(CONTENT, ORG, null, null, Optional.empty(), Optional.empty(), null, null, null))
                .expectEvents(new ContentUpdatedEvent(CONTENT, ORG, "Welcome", "https://cdn.example.com/welcome.png",
                        null, null, 1024L, FROM, UNTIL));
    }

    @Test
    void an_update_that_changes_nothing_stores_nothing() {
        fixture.given(created())
                .when(renameTo("Welcome"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_update_keeps_the_rules() {
        fixture.given(created())
                .when(new UpdateContentCommand(CONTENT, ORG, null, Optional.of("ftp://x.example/a.png"), null, null, null, null, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void an_update_checks_the_validity_window_against_the_kept_bound() {
        fixture.given(created())
                .when(new UpdateContentCommand(CONTENT, ORG, null, null, null, null, null, Optional.of(UNTIL.plusSeconds(1)), null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("validFrom must be before validUntil.")
                .expectNoEvents();
    }

    @Test
    void archived_content_refuses_updates() {
        fixture.given(created(), new ContentArchivedEvent(CONTENT, ORG))
                .when(renameTo("Too late"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("Content " + CONTENT + " is archived and cannot be changed.")
                .expectNoEvents();
    }

    @Test
    void content_is_archived() {
        fixture.given(created())
                .when(new ArchiveContentCommand(CONTENT, ORG))
                .expectEvents(new ContentArchivedEvent(CONTENT, ORG));
    }

    @Test
    void archiving_twice_changes_nothing() {
        fixture.given(created(), new ContentArchivedEvent(CONTENT, ORG))
                .when(new ArchiveContentCommand(CONTENT, ORG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void another_organization_cannot_update_the_content() {
        fixture.given(created())
                .when(new UpdateContentCommand(CONTENT, OTHER_ORG, Optional.of("Mine"), null, null, null, null, null, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void another_organization_cannot_archive_the_content() {
        fixture.given(created())
                .when(new ArchiveContentCommand(CONTENT, OTHER_ORG))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
