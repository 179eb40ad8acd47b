/** Idempotency-Key: a retried command gets its first outcome back and changes nothing. */
package io.marquee.command.web.idempotency;
