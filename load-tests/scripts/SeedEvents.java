import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.events.EventCatalog;
import io.marquee.events.EventEnvelope;
import io.marquee.events.MarqueeEvent;
import io.marquee.events.MarqueeJson;
import io.marquee.events.Topics;
import io.marquee.events.content.ContentCreatedEvent;
import io.marquee.events.content.ContentUpdatedEvent;
import io.marquee.events.display.DisplayUpdatedEvent;
import io.marquee.events.playlist.PlaylistItemAddedEvent;
import io.marquee.events.playlist.PlaylistItemDurationChangedEvent;
import io.marquee.events.playlist.PlaylistItemRemovedEvent;
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
 * blocks of 1,000 events per organization. Usage:
 * java -cp LIBS SeedEvents.java BOOTSTRAP COUNT [batched|single] [synthetic|fleet]
 * ({@code single}: one uncompressed record per producer batch, the layout the relay writes at a low
 * command rate; the default packs 256 KiB lz4 batches). The {@code synthetic} shape (default): a
 * content item, 10 playlists, 10 displays each assigned a playlist, then renames and reassignments.
 * The {@code fleet} shape is the load suite's: 20 content items, 2 playlists of 10 items, 100 displays
 * (50 per playlist, as the suite's 10,000 displays on 200 playlists), then playlist and content
 * changes that each reach 50 displays (items added and removed, durations, content updates) and
 * display updates.
 */
public class SeedEvents {

    private static final ObjectMapper JSON = MarqueeJson.newMapper();
    private static long position = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long count = Long.parseLong(args[1]);
        long started = System.nanoTime();
        boolean single = args.length > 2 && args[2].equals("single");
        boolean fleet = args.length > 3 && args[3].equals("fleet");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, single ? 0 : 20,
                ProducerConfig.BATCH_SIZE_CONFIG, single ? 0 : 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, single ? "none" : "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            long sent = 0;
            while (sent < count) {
                OrganizationId org = OrganizationId.random();
                int size = (int) Math.min(1_000, count - sent);
                for (MarqueeEvent event : fleet ? fleetBlock(org, size) : block(org, size)) {
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

    private static List<MarqueeEvent> fleetBlock(OrganizationId org, int size) {
        List<MarqueeEvent> events = new ArrayList<>(size);
        List<ContentId> contents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ContentId content = ContentId.random();
            contents.add(content);
            events.add(new ContentCreatedEvent(content, org, "Clip " + i, "IMAGE", "https://cdn.example.com/" + i + ".png",
                    8, "sha256:" + i, 1_000L + i, null, null));
        }
        List<PlaylistId> playlists = new ArrayList<>();
        List<List<PlaylistItem>> items = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            PlaylistId playlist = PlaylistId.random();
            playlists.add(playlist);
            List<PlaylistItem> list = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                list.add(PlaylistItem.ofContent(PlaylistItemId.random(), contents.get(p * 10 + i), null));
            }
            items.add(list);
            events.add(new PlaylistCreatedEvent(playlist, org, "Loop " + p, list));
        }
        List<DisplayId> displays = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            DisplayId display = DisplayId.random();
            displays.add(display);
            events.add(new DisplayRegisteredEvent(display, org, "Display " + i, "Floor " + i % 5, "UTC", List.of("fleet")));
            events.add(new PlaylistAssignedEvent(display, org, playlists.get(i % 2)));
        }
        PlaylistItemId added = null;
        for (int i = 0; events.size() < size; i++) {
            int p = i % 2;
            events.add(switch (i % 5) {
                case 0 -> new PlaylistItemAddedEvent(playlists.get(p), org,
                        PlaylistItem.ofContent(added = PlaylistItemId.random(), contents.get(i % 20), 5), 0);
                case 1 -> new PlaylistItemRemovedEvent(playlists.get((i - 1) % 2), org, added);
                case 2 -> new PlaylistItemDurationChangedEvent(playlists.get(p), org, items.get(p).get(i % 10).itemId(), 5 + i % 7);
                case 3 -> new ContentUpdatedEvent(contents.get(i % 20), org, "Clip " + i, "https://cdn.example.com/v" + i + ".png",
                        8, "sha256:v" + i, 2_000L + i, null, null);
                default -> new DisplayUpdatedEvent(displays.get(i % 100), org, "Display " + i, "Floor " + i % 5, "UTC",
                        List.of("fleet"));
            });
        }
        return events.subList(0, size);
    }

    private static EventEnvelope envelope(OrganizationId org, MarqueeEvent event) {
        var type = EventCatalog.of(event.getClass());
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), org.value(), type.aggregateType(),
                event.aggregateId(), 0, ++position, Instant.now(), "rebuild-bench", "rebuild-bench", JSON.valueToTree(event));
    }
}
