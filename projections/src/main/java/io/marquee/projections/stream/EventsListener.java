package io.marquee.projections.stream;

import io.marquee.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Consumes {@code marquee.events} in batches. Poison records are dead-lettered one by one; the rest
 * of the batch is applied. Offsets are committed only after the batch's transaction commits, so a
 * crash means re-applying (harmless), never skipping.
 */
@Component
class EventsListener {

    static final String LISTENER_ID = "projections";

    private final EventReader reader = new EventReader();
    private final DeadLetters deadLetters;
    private final BatchApplier applier;

    EventsListener(DeadLetters deadLetters, BatchApplier applier) {
        this.deadLetters = deadLetters;
        this.applier = applier;
    }

    @KafkaListener(id = LISTENER_ID,
            topics = "#{T(io.marquee.events.Topics).EVENTS.name()}",
            groupId = "${marquee.projections.group-id}",
            concurrency = "${marquee.projections.concurrency}",
            containerFactory = ProjectionsConfiguration.LISTENER_FACTORY)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        applier.apply(deadLetters.readOrPark(records, reader::read, Topics.EVENTS_DEAD_LETTER));
    }
}
