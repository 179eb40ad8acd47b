import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topics;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.display.DisplayRegisteredEvent;
import io.marquee.events.display.PlaylistAssignedEvent;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.playlist.PlaylistCreatedEvent;
import io.marquee.events.playlist.PlaylistItem;
import io.marquee.events.playlist.PlaylistRenamedEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds marquee.events with synthetic but valid envelopes, fast, for the rebuild benchmark:
 * blocks of 1,000 events per organization (a content item, 10 playlists, 10 displays each assigned
 * a playlist, then renames and reassignments). Usage: java -cp LIBS SeedEvents.java BOOTSTRAP COUNT [batched|single]
 * ({@code single}: one uncompressed record per producer batch, the layout the relay writes at a low
 * command rate; the default packs 256 KiB lz4 batches).
 */
public class SeedEvents {

    private static final ObjectMapper JSON = MarqueeJson.newMapper();
    private static long position = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long count = Long.parseLong(args[1]);
        long started = System.nanoTime();
        boolean single = args.length > 2 && args[2].equals("single");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, single ? 0 : 20,
                ProducerConfig.BATCH_SIZE_CONFIG, single ? 0 : 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, single ? "none" : "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            long sent = 0;
            while (sent < count) {
                OrganizationId org = OrganizationId.random();
                for (MarqueeEvent event : block(org, (int) Math.min(1_000, count - sent))) {
                    producer.send(new ProducerRecord<>(Topics.EVENTS.name(), org.toString(), JSON.writeValueAsBytes(envelope(org, event))));
                    sent++;
                }
            }
            producer.flush();
            System.out.printf("seeded %d events in %.1f s%n", sent, (System.nanoTime() - started) / 1e9);
        }
    }

    private static List<MarqueeEvent> block(OrganizationId org, int size) {
        List<MarqueeEvent> events = new ArrayList<>(size);
        ContentId content = ContentId.random();
        events.add(new ContentCreatedEvent(content, org, "Logo", "IMAGE", "https://cdn.example.com/logo.png", 8, null, null, null, null));
        List<PlaylistId> playlists = new ArrayList<>();
        List<DisplayId> displays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PlaylistId playlist = PlaylistId.random();
            playlists.add(playlist);
            events.add(new PlaylistCreatedEvent(playlist, org, "Loop " + i, List.of(
                    PlaylistItem.ofContent(PlaylistItemId.random(), content, null),
                    new PlaylistItem(PlaylistItemId.random(), "https://cdn.example.com/" + i + ".png", 5, null))));
        }
        for (int i = 0; i < 10; i++) {
            DisplayId display = DisplayId.random();
            displays.add(display);
            events.add(new DisplayRegisteredEvent(display, org, "Display " + i, null, "UTC", List.of()));
            events.add(new PlaylistAssignedEvent(display, org, playlists.get(i)));
        }
        for (int i = 0; events.size() < size; i++) {
            events.add(i % 2 == 0
                    ? new PlaylistRenamedEvent(playlists.get(i % 10), org, "Loop " + i)
                    : new PlaylistAssignedEvent(displays.get(i % 10), org, playlists.get((i / 10) % 10)));
        }
        return events.subList(0, size);
    }

    private static EventEnvelope envelope(OrganizationId org, MarqueeEvent event) {
        var type = EventCatalog.of(event.getClass());
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), org.value(), type.aggregateType(),
                event.aggregateId(), 0, ++position, Instant.now(), "rebuild-bench", "rebuild-bench", JSON.valueToTree(event));
    }
}
