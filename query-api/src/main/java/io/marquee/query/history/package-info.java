/** The analysts' event history: envelopes by filter, paged or streamed, and a display's manifest at any past instant. */
package io.marquee.query.history;
