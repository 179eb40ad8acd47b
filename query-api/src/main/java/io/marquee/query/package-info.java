/** The read side: display manifests from memory, and (later) admin and history reads from PostgreSQL. */
package io.marquee.query;
