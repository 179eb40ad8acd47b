package io.marquee.projections.stream;

import io.marquee.infra.db.ModuleSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import javax.sql.DataSource;

/**
 * The projections' schema and their Kafka consumers: batches, committed after each applied batch.
 * The telemetry listeners use the same container factory ({@link #LISTENER_FACTORY}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionsConfiguration {

    /** Bean name of the batch listener container factory every projection listener uses. */
    public static final String LISTENER_FACTORY = "projectionsListenerFactory";

    @Bean
    FlywayMigrationInitializer projectionsSchema(DataSource dataSource) {
        return ModuleSchema.migration(dataSource, "projections");
    }

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> projectionsListenerFactory(
            ConsumerFactory<String, byte[]> consumers,
            @Value("${marquee.projections.listeners.auto-startup:true}") boolean autoStartup) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumers);
        // off only in the rebuild command's context, which must not run a second live projection
        factory.setAutoStartup(autoStartup);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        // The offsets go out without the consumer waiting for the broker's answer before its next poll: a
        // batch is committed in PostgreSQL before its offsets are sent, and every listener applies a
        // redelivered batch as a no-op, so a commit lost to a crash only means one batch delivered again
        // (as a crash between the two commits always could). The wait was a broker round trip per batch on
        // the live path, in front of every change behind it. Closing the consumer still waits for them.
        factory.getContainerProperties().setSyncCommits(false);
        // A failure that is not the record's fault (database or broker down) is retried until it
        // passes: skipping would lose an accepted change. Poison records never get here.
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1_000L, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }
}
