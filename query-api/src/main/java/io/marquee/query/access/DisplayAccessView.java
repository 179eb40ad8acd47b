package io.marquee.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topic;
import io.marquee.events.Topics;
import io.marquee.events.access.DisplayAccess;
import io.marquee.query.tail.TopicSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every display's access state (current token generation, decommissioned), from the compacted access
 * topic: what a device token is checked against, in memory. A state never goes backwards, and listeners
 * (open manifest streams) hear of every change so a revoked token loses its stream too.
 */
@Component
class DisplayAccessView implements TopicSink {

    private static final Logger log = LoggerFactory.getLogger(DisplayAccessView.class);

    private final Map<UUID, DisplayAccess> states = new ConcurrentHashMap<>();
    private final ObjectMapper json = MarqueeJson.newMapper();
    private final List<AccessChangeListener> listeners;

    DisplayAccessView(List<AccessChangeListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public Topic topic() {
        return Topics.DISPLAY_ACCESS;
    }

    @Override
    public int size() {
        return states.size();
    }

    Optional<DisplayAccess> find(UUID displayId) {
        return Optional.ofNullable(states.get(displayId));
    }

    @Override
    public void accept(String key, byte[] value) {
        if (value == null) {
            return;
        }
        try {
            DisplayAccess incoming = json.readValue(value, DisplayAccess.class);
            DisplayAccess current = states.merge(incoming.displayId().value(), incoming,
                    (old, next) -> next.position() >= old.position() ? next : old);
            listeners.forEach(listener -> listener.accessChanged(current.displayId().value(),
                    current.tokenGeneration(), current.decommissioned()));
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring an unreadable access state for display {}", key, e);
        }
    }
}
