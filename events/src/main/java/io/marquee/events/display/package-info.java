/** Events of the Display aggregate: a screen, its details and what it is told to play. */
package io.marquee.events.display;
