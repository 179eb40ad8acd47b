package io.marquee.command.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.marquee.command.web.Caller;
import io.marquee.command.web.CallerResolver;
import io.marquee.command.web.CommandSender;
import io.marquee.events.ids.ContentId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.marquee.command.content.ContentRules.MAX_CHECKSUM_LENGTH;
import static io.marquee.command.content.ContentRules.MAX_DURATION_SECONDS;
import static io.marquee.command.content.ContentRules.MAX_NAME_LENGTH;
import static io.marquee.command.content.ContentRules.MAX_URI_LENGTH;
import static io.marquee.command.content.ContentRules.MIN_DURATION_SECONDS;

/** Content commands: create, update, archive. */
@RestController
@RequestMapping("/api/content")
class ContentCommandController {

    record CreateContentRequest(
            @NotBlank @Size(max = MAX_NAME_LENGTH) String name,
            @NotNull ContentType type,
            @NotBlank @Size(max = MAX_URI_LENGTH) String uri,
            @Min(MIN_DURATION_SECONDS) @Max(MAX_DURATION_SECONDS) Integer defaultDurationSeconds,
            @Size(max = MAX_CHECKSUM_LENGTH) String checksum,
            @PositiveOrZero Long sizeBytes,
            Instant validFrom,
            Instant validUntil) {
    }

    /**
     * A PATCH body (JSON merge patch): a field left out keeps its value, a field sent as null is cleared.
     * A class rather than a record, because Jackson gives a record's absent {@code Optional} the same
     * empty value as an explicit null.
     */
    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    static final class UpdateContentRequest {
        @JsonProperty Optional<@NotBlank @Size(max = MAX_NAME_LENGTH) String> name;
        @JsonProperty Optional<@NotBlank @Size(max = MAX_URI_LENGTH) String> uri;
        @JsonProperty Optional<@Min(MIN_DURATION_SECONDS) @Max(MAX_DURATION_SECONDS) Integer> defaultDurationSeconds;
        @JsonProperty Optional<@Size(max = MAX_CHECKSUM_LENGTH) String> checksum;
        @JsonProperty Optional<@PositiveOrZero Long> sizeBytes;
        @JsonProperty Optional<Instant> validFrom;
        @JsonProperty Optional<Instant> validUntil;
        /** Accepted only to refuse it by name: a content item's type is fixed when it is created. */
        @JsonProperty @Null(message = "cannot be changed; create a new content item instead") Object type;
    }

    record CreateContentResponse(UUID contentId) {
    }

    private final CallerResolver callers;
    private final CommandSender sender;

    ContentCommandController(CallerResolver callers, CommandSender sender) {
        this.callers = callers;
        this.sender = sender;
    }

    @PostMapping
    ResponseEntity<CreateContentResponse> create(@Valid @RequestBody CreateContentRequest request) {
        Caller caller = callers.current();
        ContentId contentId = ContentId.random();
        ContentDetails details = new ContentDetails(request.name(), request.uri(), request.defaultDurationSeconds(),
                request.checksum(), request.sizeBytes(), request.validFrom(), request.validUntil());
        HttpHeaders headers = sender.send(caller,
                new CreateContentCommand(contentId, caller.organizationId(), request.type(), details), contentId);
        headers.setLocation(URI.create("/api/content/" + contentId));
        return new ResponseEntity<>(new CreateContentResponse(contentId.value()), headers, HttpStatus.CREATED);
    }

    @PatchMapping("/{contentId}")
    ResponseEntity<Void> update(@PathVariable UUID contentId, @Valid @RequestBody UpdateContentRequest request) {
        Caller caller = callers.current();
        ContentId content = new ContentId(contentId);
        HttpHeaders headers = sender.send(caller, new UpdateContentCommand(content, caller.organizationId(),
                request.name, request.uri, request.defaultDurationSeconds, request.checksum, request.sizeBytes,
                request.validFrom, request.validUntil), content);
        return new ResponseEntity<>(headers, HttpStatus.OK);
    }

    @DeleteMapping("/{contentId}")
    ResponseEntity<Void> archive(@PathVariable UUID contentId) {
        Caller caller = callers.current();
        ContentId content = new ContentId(contentId);
        HttpHeaders headers = sender.send(caller, new ArchiveContentCommand(content, caller.organizationId()), content);
        return new ResponseEntity<>(headers, HttpStatus.NO_CONTENT);
    }
}
