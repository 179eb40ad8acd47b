package io.marquee.query.admin;

import io.marquee.infra.security.AuthenticatedCaller;
import io.marquee.infra.web.InvalidFieldsException;
import io.marquee.infra.web.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Content for admins: the list, one item (archived or not), and how often an item played. Another
 * organization's content answers 404, like a missing one.
 */
@RestController
class ContentAdminController {

    /** The longest range of days one play-count read covers. */
    static final int MAX_PLAY_DAYS = 366;
    static final int DEFAULT_PLAY_DAYS = 30;

    private final ContentReads content;
    private final PlayReads plays;

    ContentAdminController(ContentReads content, PlayReads plays) {
        this.content = content;
        this.plays = plays;
    }

    @GetMapping("/api/content")
    Page<ContentView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                           @RequestParam(required = false) String name,
                           @RequestParam(defaultValue = "false") boolean archived,
                           @AuthenticationPrincipal AuthenticatedCaller caller) {
        return content.list(Callers.organizationOf(caller), name, archived, PageRequest.of(page, size));
    }

    @GetMapping("/api/content/{contentId}")
    ContentView one(@PathVariable UUID contentId, @AuthenticationPrincipal AuthenticatedCaller caller) {
        return content.find(Callers.organizationOf(caller), contentId)
                .orElseThrow(() -> new NotFoundException("Content", contentId));
    }

    /** Plays between {@code from} and {@code to}, UTC days, both included; by default the last 30 days. */
    @GetMapping("/api/content/{contentId}/plays")
    PlayCounts plays(@PathVariable UUID contentId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @AuthenticationPrincipal AuthenticatedCaller caller) {
        UUID organization = Callers.organizationOf(caller);
        content.find(organization, contentId).orElseThrow(() -> new NotFoundException("Content", contentId));
        LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_PLAY_DAYS - 1);
        if (first.isAfter(last)) {
            throw InvalidFieldsException.parameter("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_PLAY_DAYS) {
            throw InvalidFieldsException.parameter("from", "must be at most " + MAX_PLAY_DAYS + " days before to");
        }
        return plays.ofContent(organization, contentId, first, last);
    }
}
