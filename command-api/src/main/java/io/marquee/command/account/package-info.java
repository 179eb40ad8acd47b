/**
 * Organizations and their users: the Organization aggregate owns membership and roles; credentials
 * (email, password hash) live beside it in a command-side table, never in events.
 */
package io.marquee.command.account;
