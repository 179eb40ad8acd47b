/**
 * Displays: registration, details, device tokens, decommissioning, the default playlist and the
 * schedule of playlists each one shows.
 */
package io.marquee.command.display;
