package io.marquee.command.web;

import io.marquee.events.ids.OrganizationId;

/** Who sends a command: the organization it acts in, and the actor (a user id) recorded on its events. */
public record Caller(OrganizationId organizationId, String actor) {
}
