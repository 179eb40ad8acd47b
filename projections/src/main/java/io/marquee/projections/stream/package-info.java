/** Reading marquee.events: parsing envelopes, dead-lettering poison records, applying batches. */
package io.marquee.projections.stream;
