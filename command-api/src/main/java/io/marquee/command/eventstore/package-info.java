/** Axon's JDBC event store on PostgreSQL: schema, serializers, positions. */
package io.marquee.command.eventstore;
