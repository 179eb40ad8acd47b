package io.marquee.projections.stream;

import io.marquee.events.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Readiness of the projections: DOWN until the consumer group has committed past every event that
 * was on the topic at the first health check (made as the instance starts), then UP for good (a moment of lag under load is
 * normal operation, not unreadiness).
 */
@Component("projectionsHealthIndicator")
class CatchUpHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final long TIMEOUT_SECONDS = 2;

    private final AdminClient admin;
    private final String groupId;
    private volatile Map<TopicPartition, Long> targets;
    private volatile boolean caughtUp;

    CatchUpHealthIndicator(KafkaAdmin kafkaAdmin, @Value("${marquee.projections.group-id}") String groupId) {
        super("Projection catch-up check failed");
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.groupId = groupId;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (caughtUp) {
            builder.up();
            return;
        }
        if (targets == null) {
            targets = endOffsetsAtStart();
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long lag = targets.entrySet().stream().mapToLong(target -> {
            OffsetAndMetadata done = committed.get(target.getKey());
            return Math.max(0, target.getValue() - (done == null ? 0 : done.offset()));
        }).sum();
        if (lag == 0) {
            caughtUp = true;
            builder.up();
        } else {
            builder.down().withDetail("eventsBehind", lag);
        }
    }

    private Map<TopicPartition, Long> endOffsetsAtStart() throws Exception {
        String topic = Topics.EVENTS.name();
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
