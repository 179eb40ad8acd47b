/** Publishes every stored event, in store order, to Kafka. */
package io.marquee.command.relay;
