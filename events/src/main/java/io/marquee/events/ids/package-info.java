/** Typed identifiers: a UUID that knows what it identifies, serialized as a plain string. */
package io.marquee.events.ids;
