package io.marquee.command.content;

import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Optional;

/**
 * Change some of a content item's details, with JSON merge patch semantics: a null {@code Optional}
 * keeps the field as it is, an empty one clears it, a present one replaces it. The type never changes.
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType") // three states are the point: keep, clear, set
record UpdateContentCommand(
        @TargetAggregateIdentifier ContentId contentId,
        OrganizationId organizationId,
        Optional<String> name,
        Optional<String> uri,
        Optional<Integer> defaultDurationSeconds,
        Optional<String> checksum,
        Optional<Long> sizeBytes,
        Optional<Instant> validFrom,
        Optional<Instant> validUntil) {
}
