package io.marquee.command.transfer;

import io.marquee.command.display.token.DeviceTokenHash;
import io.marquee.command.display.token.DeviceTokenStore;
import io.marquee.events.display.DeviceTokenIssuedEvent;
import io.marquee.events.display.DisplayDecommissionedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Token hashes are never in the history, so an imported display's token row gets the generation its
 * last {@code DeviceTokenIssued} names and the hash of a random secret that no token matches. A token
 * rotation then signs the next generation, as the aggregate expects; without the row it would sign
 * generation 1 and be refused.
 */
@Component
class ImportedDeviceTokens {

    private final DeviceTokenStore tokens;

    ImportedDeviceTokens(DeviceTokenStore tokens) {
        this.tokens = tokens;
    }

    void follow(List<DomainEventMessage<?>> messages) {
        for (DomainEventMessage<?> message : messages) {
            if (message.getPayload() instanceof DeviceTokenIssuedEvent issued) {
                tokens.replace(issued.displayId(), issued.organizationId(), issued.generation(),
                        DeviceTokenHash.of(UUID.randomUUID() + "-" + UUID.randomUUID()));
            } else if (message.getPayload() instanceof DisplayDecommissionedEvent decommissioned) {
                tokens.revoke(decommissioned.displayId());
            }
        }
    }
}
