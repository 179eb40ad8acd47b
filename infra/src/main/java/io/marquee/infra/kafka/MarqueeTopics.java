package io.marquee.infra.kafka;

import io.marquee.events.Topic;
import io.marquee.events.Topics;
import io.marquee.infra.config.MarqueeProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares Marquee's topics so that whichever role starts first creates them. The event topic keeps
 * everything forever: it is the replayable history that projections rebuild from.
 */
@Configuration(proxyBeanMethods = false)
public class MarqueeTopics {

    @Bean
    KafkaAdmin.NewTopics marqueeTopicDeclarations(MarqueeProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .map(topic -> declare(topic, properties.kafka()))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic declare(Topic topic, MarqueeProperties.Kafka kafka) {
        TopicBuilder builder = TopicBuilder.name(topic.name())
                .partitions(kafka.partitions())
                .replicas(kafka.replicationFactor());
        if (topic.compacted()) {
            builder.compact().config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
        } else {
            builder.config(TopicConfig.RETENTION_MS_CONFIG,
                    topic.retention() == null ? "-1" : Long.toString(topic.retention().toMillis()));
        }
        if (kafka.replicationFactor() > 1) {
            builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        return builder.build();
    }
}
