package io.marquee.query.admin;

import io.marquee.infra.security.AuthenticatedCaller;
import io.marquee.infra.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Playlists for admins: the list and one playlist with its items. Another organization's answers 404. */
@RestController
class PlaylistAdminController {

    private final PlaylistReads playlists;

    PlaylistAdminController(PlaylistReads playlists) {
        this.playlists = playlists;
    }

    @GetMapping("/api/playlists")
    Page<PlaylistView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                            @RequestParam(required = false) String name,
                            @RequestParam(defaultValue = "false") boolean archived,
                            @AuthenticationPrincipal AuthenticatedCaller caller) {
        return playlists.list(Callers.organizationOf(caller), name, archived, PageRequest.of(page, size));
    }

    @GetMapping("/api/playlists/{playlistId}")
    PlaylistView one(@PathVariable UUID playlistId, @AuthenticationPrincipal AuthenticatedCaller caller) {
        return playlists.find(Callers.organizationOf(caller), playlistId)
                .orElseThrow(() -> new NotFoundException("Playlist", playlistId));
    }
}
