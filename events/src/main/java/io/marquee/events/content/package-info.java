/** Events of the Content aggregate: images, videos, web pages and HTML that playlists show. */
package io.marquee.events.content;
