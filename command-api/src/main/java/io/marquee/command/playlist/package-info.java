/** Playlists: ordered, timed items, and the command-side directory other aggregates check them in. */
package io.marquee.command.playlist;
