/**
 * The web player: a self-contained page under {@code static/player/} (no build step, no network
 * dependency), served at {@code GET /player} to anyone, since it holds no data; everything it shows
 * comes from the token-protected display endpoints it calls.
 */
package io.marquee.query.player;
