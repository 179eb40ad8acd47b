package io.marquee.command.transfer;

import java.util.Set;
import java.util.UUID;

/**
 * What an import stored.
 *
 * @param events             how many events it appended
 * @param organizations      the organizations they belong to
 * @param positionsPreserved whether the events kept their exported positions (they do when the event
 *                           store was empty); otherwise they were given new ones in the same order
 */
public record ImportReport(long events, Set<UUID> organizations, boolean positionsPreserved) {
}
