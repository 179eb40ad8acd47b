/** Read models in PostgreSQL, built from marquee.events, and the display manifests published from them. */
package io.marquee.projections;
