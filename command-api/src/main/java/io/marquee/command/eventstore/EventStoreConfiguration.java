package io.marquee.command.eventstore;

import io.marquee.events.MarqueeJson;
import io.marquee.infra.db.ModuleSchema;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The event store's shape: snake_case tables created by Flyway, and events stored as the same JSON
 * that the contract publishes (not Spring MVC's strict mapper: stored events must stay readable after
 * fields are added).
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** The bean name of the aggregate cache every {@code @Aggregate} names. */
    public static final String AGGREGATE_CACHE = "aggregateCache";

    @Bean
    FlywayMigrationInitializer commandSchema(DataSource dataSource) {
        return ModuleSchema.migration(dataSource, "command");
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC event store as its Spring Boot auto-configuration builds it, but reporting where each
     * command's events were stored (see {@link PositionReportingStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptions,
            @Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration axon,
            ConnectionProvider connections, TransactionManager transactions, EventSchema schema,
            CommandPositions positions) {
        return new PositionReportingStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .schema(schema), transactions, positions);
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return contractSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return contractSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return contractSerializer();
    }

    /**
     * Keeps loaded aggregates between commands, so a command does not replay the aggregate's whole
     * history (a playlist of 400 items is 400 events). The {@code marquee.command.aggregate-cache-size}
     * most recently used, by strong reference (weak ones were cleared by every young collection, see
     * {@link BoundedAggregateCache}). Safe with several instances: a stale entry makes the append fail
     * on the sequence check, the entry is dropped with the rolled-back unit of work, and the command is
     * retried on fresh state.
     */
    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(@Value("${marquee.command.aggregate-cache-size:10000}") int capacity) {
        return new BoundedAggregateCache(capacity);
    }

    /** The gateway every controller sends through: commands that lose a concurrency race are retried. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(retries))
                .build();
    }

    /** Copies who did it, and in which request, from each command onto the events it causes. */
    @Bean
    CorrelationDataProvider auditTrail() {
        return new SimpleCorrelationDataProvider(CommandMetadata.ACTOR, CommandMetadata.CORRELATION_ID);
    }

    private static Serializer contractSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(MarqueeJson.newMapper())
                .revisionResolver(new ContractRevisions())
                .build();
    }
}
