/** Content: the images, videos, web pages and HTML that playlists show, and the directory playlists check them in. */
package io.marquee.command.content;
