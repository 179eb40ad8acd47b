package io.marquee.projections.access;

import io.marquee.events.EventEnvelope;
import io.marquee.events.Topics;
import io.marquee.events.access.DisplayAccess;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.projections.BatchFollower;
import io.marquee.projections.KafkaSends;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Publishes the access state of every display whose token or lifecycle a batch touched to the compacted
 * {@code marquee.display-access} topic, keyed by display id. It publishes the row, not the event, so a
 * replayed event republishes the current state: harmless.
 */
@Component
@Order(1)
class DisplayAccessPublisher implements BatchFollower {

    private static final Set<String> ACCESS_EVENTS = Set.of("DeviceTokenIssued", "DisplayDecommissioned");

    private final JdbcTemplate jdbc;
    private final KafkaSends kafka;

    DisplayAccessPublisher(JdbcTemplate jdbc, KafkaTemplate<String, byte[]> kafka) {
        this.jdbc = jdbc;
        this.kafka = new KafkaSends(kafka);
    }

    @Override
    public void follow(List<EventEnvelope> batch) {
        Set<UUID> displays = batch.stream().filter(envelope -> ACCESS_EVENTS.contains(envelope.type()))
                .map(envelope -> UUID.fromString(envelope.aggregateId())).collect(Collectors.toSet());
        if (displays.isEmpty()) {
            return;
        }
        List<DisplayAccess> states = jdbc.query("""
                        SELECT display_id, organization_id, token_generation, decommissioned, last_position
                        FROM projection_display_access WHERE display_id = ANY(?)""",
                (rs, row) -> new DisplayAccess(new DisplayId(rs.getObject(1, UUID.class)),
                        new OrganizationId(rs.getObject(2, UUID.class)), rs.getLong(3), rs.getBoolean(4), rs.getLong(5)),
                (Object) displays.toArray(UUID[]::new));
        kafka.sendAll(Topics.DISPLAY_ACCESS, states, state -> state.displayId().toString());
    }
}
