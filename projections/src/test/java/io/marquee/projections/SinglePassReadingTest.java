package io.marquee.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.OrganizationId;
import io.marquee.projections.stream.EventReader;
import io.marquee.projections.stream.ReadEvent;
import io.marquee.projections.stream.UnreadableRecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The envelope reader reads the usual records in one pass; whatever it reads that way must equal what
 * the two-pass reading (the envelope with its payload tree, then the tree into the record) gives, and
 * what it cannot read must be refused for the same reasons as before.
 */
class SinglePassReadingTest {

    final ObjectMapper json = MarqueeJson.newMapper();
    final OrganizationId org = OrganizationId.random();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void every_event_of_a_random_history_reads_as_the_two_pass_reading_does(long seed) throws Exception {
        // given every kind of event the write side produces, as the relay writes them
        List<byte[]> records = records(seed, 500);

        // when they are read by the live reader and the rebuild's
        EventReader live = new EventReader();
        EventReader rebuild = EventReader.withoutPayloads();

        // then the live reader's envelopes (payload tree included) and events are the two-pass ones, and the
        // rebuild's are too but for the payload it leaves out
        for (byte[] record : records) {
            ReadEvent expected = twoPass(record);
            assertThat(live.read(record)).isEqualTo(expected);
            ReadEvent withoutPayload = rebuild.read(record);
            assertThat(withoutPayload.event()).isEqualTo(expected.event());
            assertThat(withoutPayload.envelope().payload()).isNull();
            assertThat(withPayload(withoutPayload.envelope(), expected.envelope().payload())).isEqualTo(expected.envelope());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33})
    void identifiers_and_instants_of_any_shape_read_or_are_refused_as_the_two_pass_reading_does(long seed) throws Exception {
        // given envelopes whose identifiers and instants, which the single pass reads by hand, take every shape:
        // canonical mostly, else upper case, cut short, with other separators or a non-hex digit; instants as
        // Instant.toString writes them, mostly, else with fewer fraction digits, an offset, a space, or a date
        // that does not exist
        Random random = new Random(seed);
        for (byte[] usual : records(seed, 300)) {
            ObjectNode tree = (ObjectNode) json.readTree(usual);
            tree.put("eventId", uuid(random)).put("organizationId", uuid(random)).put("occurredAt", instant(random));
            byte[] record = json.writeValueAsBytes(tree);

            // when / then
            ReadEvent expected;
            try {
                expected = twoPass(record);
            } catch (Exception refused) {
                assertThatThrownBy(() -> EventReader.withoutPayloads().read(record)).as(tree.toString())
                        .isInstanceOf(UnreadableRecordException.class);
                continue;
            }
            assertThat(new EventReader().read(record)).as(tree.toString()).isEqualTo(expected);
            ReadEvent withoutPayload = EventReader.withoutPayloads().read(record);
            assertThat(withPayload(withoutPayload.envelope(), expected.envelope().payload())).isEqualTo(expected.envelope());
        }
    }

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

    @Test
    void an_envelope_in_another_field_order_or_with_fields_of_other_types_still_reads_the_same() throws Exception {
        // given an envelope whose payload comes first, whose numbers are strings and with a field added later
        byte[] usual = records(21, 40).get(30);
        ObjectNode tree = (ObjectNode) json.readTree(usual);
        ObjectNode unusual = json.createObjectNode();
        unusual.set("payload", tree.get("payload"));
        tree.fields().forEachRemaining(field -> unusual.set(field.getKey(), field.getValue()));
        unusual.put("version", tree.get("version").asText()).put("position", tree.get("position").asText())
                .put("addedLater", "x");

        // when / then
        for (EventReader reader : List.of(new EventReader(), EventReader.withoutPayloads())) {
            assertThat(reader.read(json.writeValueAsBytes(unusual)).event()).isEqualTo(twoPass(usual).event());
        }
    }

    @Test
    void a_type_repeated_after_the_payload_is_refused_as_the_two_pass_reading_refuses_it() throws Exception {
        // given a rename whose envelope names another type again after its payload
        byte[] record = records(22, 40).get(35);
        String text = new String(record, java.nio.charset.StandardCharsets.UTF_8);
        byte[] repeated = (text.substring(0, text.length() - 1) + ",\"type\":\"NoSuchEvent\"}").getBytes();

        // when / then both readings refuse it (data binding allows no property twice), though the single pass
        // had already read the payload as the first type named
        assertThatThrownBy(() -> twoPass(repeated)).hasMessageContaining("creator property 'type'");
        assertThatThrownBy(() -> EventReader.withoutPayloads().read(repeated))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("not an event envelope: ").hasMessageContaining("creator property 'type'");
    }

    @Test
    void unreadable_records_are_refused_for_the_same_reasons_as_before() throws Exception {
        // given a record cut short inside its payload, one whose payload has a field of the wrong type, and
        // one without an organization
        byte[] usual = records(23, 40).get(25);
        byte[] truncated = java.util.Arrays.copyOf(usual, usual.length - 5);
        ObjectNode wrongType = (ObjectNode) json.readTree(usual);
        ((ObjectNode) wrongType.get("payload")).putArray("name").add(1);
        ObjectNode noOrganization = (ObjectNode) json.readTree(usual);
        noOrganization.remove("organizationId");

        // when / then
        EventReader reader = EventReader.withoutPayloads();
        assertThatThrownBy(() -> reader.read(truncated)).isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("not an event envelope: ");
        String type = wrongType.get("type").asText();
        assertThatThrownBy(() -> reader.read(json.writeValueAsBytes(wrongType)))
                .isInstanceOf(UnreadableRecordException.class).hasMessage("payload is not a valid " + type);
        assertThatThrownBy(() -> reader.read(json.writeValueAsBytes(noOrganization)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessage("envelope lacks type, organizationId or payload");
    }

    /** The reading before the single pass: the envelope with its payload tree, then the tree into the record. */
    private ReadEvent twoPass(byte[] record) throws Exception {
        EventEnvelope envelope = json.readValue(record, EventEnvelope.class);
        var type = EventCatalog.byName(envelope.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + envelope.type()));
        return new ReadEvent(envelope, json.treeToValue(envelope.payload(), type.javaType()));
    }

    private List<byte[]> records(long seed, int count) throws Exception {
        Random random = new Random(seed);
        List<byte[]> records = new ArrayList<>();
        long position = 0;
        for (MarqueeEvent event : new EventScript(seed, org).events(count)) {
            var type = EventCatalog.of(event.getClass());
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), org.value(),
                    type.aggregateType(), event.aggregateId(), random.nextInt(50), position += 1 + random.nextInt(3),
                    Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000)), "user-" + random.nextInt(9),
                    UUID.randomUUID().toString(), json.valueToTree(event));
            records.add(json.writeValueAsBytes(envelope));
        }
        return records;
    }

    private static EventEnvelope withPayload(EventEnvelope envelope, JsonNode payload) {
        return new EventEnvelope(envelope.eventId(), envelope.type(), envelope.version(), envelope.organizationId(),
                envelope.aggregateType(), envelope.aggregateId(), envelope.aggregateSequence(), envelope.position(),
                envelope.occurredAt(), envelope.actor(), envelope.correlationId(), payload);
    }
}
