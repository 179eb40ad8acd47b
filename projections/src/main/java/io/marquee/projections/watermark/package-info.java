/** Projection watermarks: how far each organization's events are applied, for {@code Marquee-Min-Position}. */
package io.marquee.projections.watermark;
