/** What the read side needs to authorize players without a database: each display's current token generation. */
package io.marquee.events.access;
