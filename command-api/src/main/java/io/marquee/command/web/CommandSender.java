package io.marquee.command.web;

import io.marquee.command.eventstore.CommandMetadata;
import io.marquee.command.eventstore.CommandPositions;
import io.marquee.command.eventstore.EventPositions;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Sends a command through Axon on behalf of the caller and reports where its events landed (as the
 * event store reported it while appending them, see {@link CommandPositions}). The audit metadata
 * (actor, correlation id) rides on the command and is copied onto its events.
 */
@Component
public class CommandSender {

    /** Response header with the global position of the command's last event. */
    public static final String POSITION_HEADER = "Marquee-Position";
    /** Request header a client may use to tie its requests together; generated when absent. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final CommandGateway commands;
    private final CommandPositions stored;
    private final EventPositions positions;

    CommandSender(CommandGateway commands, CommandPositions stored, EventPositions positions) {
        this.commands = commands;
        this.stored = stored;
        this.positions = positions;
    }

    /**
     * Sends the command, waits for it to be stored, and returns the headers of a command response.
     *
     * @param aggregateId the aggregate the command addresses, to find its position
     */
    public HttpHeaders send(Caller caller, Object command, Object aggregateId) {
        MetaData metaData = MetaData.with(CommandMetadata.ACTOR, caller.actor())
                .and(CommandMetadata.CORRELATION_ID, correlationId());
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).withMetaData(metaData);
        stored.expect(message.getIdentifier());
        OptionalLong position;
        try {
            commands.sendAndWait(message);
        } finally {
            position = stored.collect(message.getIdentifier());
        }
        // A command that changed nothing stored no event: its position is the aggregate's latest.
        HttpHeaders headers = new HttpHeaders();
        headers.set(POSITION_HEADER, Long.toString(position.orElseGet(() -> positions.latestOf(aggregateId))));
        return headers;
    }

    private static String correlationId() {
        return Optional.ofNullable(RequestContextHolder.getRequestAttributes())
                .map(attributes -> ((ServletRequestAttributes) attributes).getRequest().getHeader(CORRELATION_HEADER))
                .filter(header -> !header.isBlank() && header.length() <= 100)
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
