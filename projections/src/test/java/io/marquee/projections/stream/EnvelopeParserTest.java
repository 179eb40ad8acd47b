package io.marquee.projections.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The single pass reads every envelope exactly as the general path does: the same envelope and event,
 * or the same refusal. Envelopes vary by seed in what the single pass reads by hand (identifiers in
 * either case or malformed, instants in every shape {@code Instant.parse} takes or refuses) and in
 * the order and set of their fields.
 */
class EnvelopeParserTest {

    private final ObjectMapper json = MarqueeJson.newMapper();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void the_single_pass_and_the_general_path_agree_on_every_envelope(long seed) throws Exception {
        Random random = new Random(seed);
        for (EventReader reader : List.of(new EventReader(), EventReader.withoutPayloads())) {
            for (int i = 0; i < 500; i++) {
                // given
                byte[] record = json.writeValueAsBytes(envelope(random));

                // when
                ReadEvent general = readOrNull(() -> reader.readGenerally(record));

                // then
                if (general == null) {
                    assertThatThrownBy(() -> reader.read(record)).as(new String(record))
                            .isInstanceOf(UnreadableRecordException.class);
                } else {
                    ReadEvent read = reader.read(record);
                    assertThat(read.event()).as(new String(record)).isEqualTo(general.event());
                    assertThat(withoutPayload(read.envelope())).isEqualTo(withoutPayload(general.envelope()));
                    if (read.envelope().payload() != null) {
                        assertThat(read.envelope().payload()).isEqualTo(general.envelope().payload());
                    }
                }
            }
        }
    }

    private ObjectNode envelope(Random random) {
        String organization = uuid(random);
        String display = uuid(random);
        ObjectNode payload = json.createObjectNode().put("displayId", display).put("organizationId", organization)
                .put("name", "Lobby " + random.nextInt(100)).put("timezone", "Europe/Paris").put("orientation", "PORTRAIT");
        payload.putArray("tags").add("lobby");
        List<Map.Entry<String, Object>> fields = new ArrayList<>(List.of(
                Map.entry("eventId", uuid(random)), Map.entry("type", "DisplayRegistered"), Map.entry("version", 2),
                Map.entry("organizationId", organization), Map.entry("aggregateType", "Display"),
                Map.entry("aggregateId", display), Map.entry("aggregateSequence", random.nextInt(50)),
                Map.entry("position", random.nextInt(1_000_000)), Map.entry("occurredAt", instant(random)),
                Map.entry("actor", uuid(random)), Map.entry("correlationId", uuid(random))));
        if (random.nextInt(4) == 0) {
            Collections.shuffle(fields, random); // the payload may then come before its type: the general path
        }
        if (random.nextInt(10) == 0) {
            fields.remove(random.nextInt(fields.size()));
        }
        ObjectNode envelope = json.createObjectNode();
        fields.forEach(field -> envelope.putPOJO(field.getKey(), field.getValue()));
        envelope.set("payload", payload);
        if (random.nextInt(10) == 0) {
            envelope.put("addedLater", "a field a newer writer added");
        }
        return envelope;
    }

    /** A UUID, mostly canonical, sometimes upper case, sometimes not one at all. */
    private static String uuid(Random random) {
        String text = new UUID(random.nextLong(), random.nextLong()).toString();
        return switch (random.nextInt(20)) {
            case 0 -> text.toUpperCase(Locale.ROOT);
            case 1 -> text.substring(1);
            case 2 -> text.replace('-', '_');
            case 3 -> text.substring(0, 35) + "g";
            default -> text;
        };
    }

    /** An instant as Instant.toString writes it, mostly; else with other fraction digits, an offset, or invalid. */
    private static String instant(Random random) {
        Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
        return switch (random.nextInt(12)) {
            case 0 -> instant.atOffset(ZoneOffset.ofHours(2)).toString();
            case 1 -> instant.toString().substring(0, 19) + "Z";
            case 2 -> instant.toString().substring(0, 21) + "Z";
            case 3 -> instant.toString().replace('T', ' ');
            case 4 -> "2026-02-29T10:00:00Z";
            default -> instant.toString();
        };
    }

    private static EventEnvelope withoutPayload(EventEnvelope e) {
        return new EventEnvelope(e.eventId(), e.type(), e.version(), e.organizationId(), e.aggregateType(),
                e.aggregateId(), e.aggregateSequence(), e.position(), e.occurredAt(), e.actor(), e.correlationId(), null);
    }

    private static ReadEvent readOrNull(java.util.function.Supplier<ReadEvent> read) {
        try {
            return read.get();
        } catch (UnreadableRecordException refused) {
            return null;
        }
    }
}
