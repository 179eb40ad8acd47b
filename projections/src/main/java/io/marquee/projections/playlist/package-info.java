/** The playlist read model: each playlist's items in play order. */
package io.marquee.projections.playlist;
