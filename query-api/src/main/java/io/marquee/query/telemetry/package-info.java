/** Players' reports (heartbeats, proof of play): checked and published to their Kafka topics. */
package io.marquee.query.telemetry;
