/** Events of the Organization aggregate: the organization and its users' membership and roles. */
package io.marquee.events.account;
