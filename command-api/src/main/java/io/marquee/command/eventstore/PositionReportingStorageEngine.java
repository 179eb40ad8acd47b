package io.marquee.command.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

/**
 * Axon's JDBC event store, but the append returns the global indexes PostgreSQL assigned
 * ({@code INSERT ... RETURNING global_index}) and reports them to {@link CommandPositions} under the
 * command being handled. A command's response used to look its position up afterwards with a second
 * query on a second connection; now it is known from the insert itself. Everything else (statements,
 * the unique (aggregate, sequence) key turned into a concurrency failure, transactions) is Axon's.
 */
class PositionReportingStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactions;
    private final CommandPositions positions;

    PositionReportingStorageEngine(Builder builder, TransactionManager transactions, CommandPositions positions) {
        super(builder.transactionManager(transactions).appendEvents(PositionReportingStorageEngine::appendReturningIndex));
        this.transactions = transactions;
        this.positions = positions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            Connection connection = getConnection();
            try {
                PreparedStatement statement = appendEvents(connection, events, serializer);
                try {
                    statement.executeBatch();
                    report(statement);
                } catch (SQLException e) {
                    handlePersistenceException(e, events.get(0));
                } finally {
                    closeQuietly(statement);
                }
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            } finally {
                closeQuietly(connection);
            }
        });
    }

    private void report(PreparedStatement statement) throws SQLException {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        String command = CurrentUnitOfWork.get().root().getMessage().getIdentifier();
        try (ResultSet keys = statement.getGeneratedKeys()) {
            while (keys.next()) {
                positions.stored(command, keys.getLong(1));
            }
        }
    }

    /**
     * Axon's own insert ({@code JdbcEventStorageEngineStatements.appendEvents}), prepared to return the
     * global index PostgreSQL assigns each row.
     */
    private static PreparedStatement appendReturningIndex(Connection connection, EventSchema schema, Class<?> dataType,
            List<? extends EventMessage<?>> events, Serializer serializer, TimestampWriter timestamps) throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,?,?)";
        PreparedStatement statement = connection.prepareStatement(sql, new String[] {schema.globalIndexColumn()});
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestamps.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            statement.addBatch();
        }
        return statement;
    }
}
