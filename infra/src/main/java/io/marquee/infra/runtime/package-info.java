/** The embedded local runtime: a single-node Kafka broker in this JVM and a PostgreSQL server, both on loopback with persistent data. */
package io.marquee.infra.runtime;
