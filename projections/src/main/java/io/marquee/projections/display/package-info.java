/** The display read model: each display's details and assigned playlist. */
package io.marquee.projections.display;
