/** The event history: every envelope of marquee.events kept once, in position order, for analysts ({@code history_event}). */
package io.marquee.projections.history;
