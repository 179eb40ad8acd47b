/** The display manifest: everything a player needs to play, published on the manifest topic. */
package io.marquee.events.manifest;
