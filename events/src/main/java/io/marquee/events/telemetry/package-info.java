/** Facts players report (heartbeats, proof of play): high-volume telemetry, not commands on aggregates. */
package io.marquee.events.telemetry;
