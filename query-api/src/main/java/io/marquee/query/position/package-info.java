/** Read-your-writes: projection watermarks in memory and the bounded, non-blocking {@code Marquee-Min-Position} wait. */
package io.marquee.query.position;
