/** Shared plumbing for every Marquee role: configuration, Kafka, PostgreSQL, errors, observability, local runtime. */
package io.marquee.infra;
