package io.marquee.query.admin;

import io.marquee.infra.security.AuthenticatedCaller;
import io.marquee.infra.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Displays for admins, with status and delivery: the list, one display, and the organization's
 * "N of M displays are on the latest version". Another organization's display answers 404.
 */
@RestController
class DisplayAdminController {

    private final DisplayReads displays;

    DisplayAdminController(DisplayReads displays) {
        this.displays = displays;
    }

    /** {@code archived=true} includes decommissioned displays. */
    @GetMapping("/api/displays")
    Page<DisplayView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                           @RequestParam(required = false) String name, @RequestParam(required = false) String tag,
                           @RequestParam(defaultValue = "false") boolean archived,
                           @AuthenticationPrincipal AuthenticatedCaller caller) {
        return displays.list(Callers.organizationOf(caller), name, tag, archived, PageRequest.of(page, size));
    }

    @GetMapping("/api/displays/delivery")
    DeliverySummary delivery(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return displays.delivery(Callers.organizationOf(caller));
    }

    @GetMapping("/api/displays/{displayId}")
    DisplayView one(@PathVariable UUID displayId, @AuthenticationPrincipal AuthenticatedCaller caller) {
        return displays.find(Callers.organizationOf(caller), displayId)
                .orElseThrow(() -> new NotFoundException("Display", displayId));
    }
}
