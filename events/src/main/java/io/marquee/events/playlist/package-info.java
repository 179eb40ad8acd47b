/** Events of the Playlist aggregate: ordered, timed items. */
package io.marquee.events.playlist;
