/** Everything in one JVM on one port, on an embedded Kafka broker and PostgreSQL server by default. */
package io.marquee.standalone;
