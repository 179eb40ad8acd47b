package io.marquee.query.telemetry;

/** Kafka did not acknowledge a report in time: 503 with {@code Retry-After}, the player sends it again. */
class TelemetryNotStoredException extends RuntimeException {

    TelemetryNotStoredException(String topic) {
        super("The report could not be stored on " + topic + " in time; send it again shortly.");
    }
}
