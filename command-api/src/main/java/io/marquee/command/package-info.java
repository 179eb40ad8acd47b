/** The write side: REST commands, event-sourced aggregates, the event store and its relay to Kafka. */
package io.marquee.command;
