import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.loadtests.OpenLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Where the live path's time goes, hop by hop, for one display's playlist switch. At {@code rate}
 * commands/s it switches displays to another playlist and, for each command, takes these clocks (all
 * on this machine, wall clock, milliseconds):
 * <ol>
 *   <li>{@code sent}, {@code accepted}: around the command's HTTP call (its 200 carries {@code Marquee-Position});</li>
 *   <li>{@code occurred}: the event's {@code occurredAt} (the aggregate applied it, before the commit);</li>
 *   <li>{@code relayed}: the event record's Kafka timestamp (the relay's {@code send});</li>
 *   <li>{@code eventSeen}: when a read_committed consumer here received it;</li>
 *   <li>{@code generated}: the manifest's {@code generatedAt} (the projections' batch stored it);</li>
 *   <li>{@code published}: the manifest record's Kafka timestamp (the publisher's {@code send});</li>
 *   <li>{@code manifestSeen}: when a consumer here received it;</li>
 *   <li>{@code served}: the player port's answer to the manifest GET sent right after the 200 with
 *       {@code Marquee-Min-Position} = the command's position (answered the moment query-api holds it).</li>
 * </ol>
 * Prints the p50/p90/p99 of each hop. The two consumers here use {@code fetch.max.wait.ms=5}; they run on
 * the load generators' core, so on a busy machine what they "see" can come after query-api served it.
 * With {@code rate} 0 it times scenario 7's change instead (see {@link #fanOut}).
 *
 * <p>Usage: {@code java -cp LIBS HopProbe.java fleetDir kafkaBootstrap playerBaseUrl [rate=100] [samples=500]}
 */
public class HopProbe {

    static final ObjectMapper JSON = new ObjectMapper();
    static final java.util.concurrent.CountDownLatch READY = new java.util.concurrent.CountDownLatch(2);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final class Sample {
        volatile long sent, accepted, served, occurred, relayed, eventSeen, generated, published, manifestSeen;
        volatile long position;
        volatile boolean ok;
    }

    public static void main(String[] args) throws Exception {
        Path fleetDir = Path.of(args[0]);
        String bootstrap = args[1];
        String players = args[2];
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int samples = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        Properties fleet = new Properties();
        fleet.load(Files.newInputStream(fleetDir.resolve("fleet.properties")));
        String base = fleet.getProperty("baseUrl");
        List<String[]> displays = rows(fleetDir.resolve("displays.csv"));
        List<String> playlists = rows(fleetDir.resolve("playlists.csv")).stream().map(r -> r[0]).toList();
        String adminToken = JSON.readTree(post(base + "/api/auth/login", null, "{\"email\":\"" + fleet.getProperty("email")
                + "\",\"password\":\"" + fleet.getProperty("password") + "\"}").body()).get("accessToken").asText();

        Map<String, long[]> manifestSeen = new ConcurrentHashMap<>();  // display:position -> {generated, published, seen}
        Map<Long, long[]> eventTimes = new ConcurrentHashMap<>();       // position -> {occurred, relayed, seen}
        tail(bootstrap, "marquee.events", record -> {
            JsonNode e = JSON.readTree(record.value());
            eventTimes.put(e.get("position").asLong(), new long[]{Instant.parse(e.get("occurredAt").asText()).toEpochMilli(),
                    record.timestamp(), System.currentTimeMillis()});
        });
        tail(bootstrap, "marquee.display-manifests", record -> {
            if (record.value() == null) {
                return;
            }
            JsonNode m = JSON.readTree(record.value());
            manifestSeen.put(record.key() + ":" + m.get("position").asLong(), new long[]{
                    Instant.parse(m.get("generatedAt").asText()).toEpochMilli(), record.timestamp(), System.currentTimeMillis()});
        });
        READY.await(); // both consumers are at the ends of their topics
        if (rate == 0) {
            fanOut(base, adminToken, playlists, rows(fleetDir.resolve("contents.csv")).get(0)[0], eventTimes, manifestSeen);
            return;
        }

        List<Sample> all = Collections.synchronizedList(new ArrayList<>());
        Map<Sample, String> displayOf = new ConcurrentHashMap<>();
        OpenLoop.run(rate, samples, n -> {
            String[] display = displays.get(n % displays.size());
            Sample s = new Sample();
            try {
                // what it shows now (an earlier run may have switched it): the target is the next playlist
                String current = JSON.readTree(send(HttpRequest.newBuilder(URI.create(players + "/api/displays/" + display[0] + "/manifest"))
                        .header("Authorization", "Bearer " + display[1]).GET().build()).body()).path("defaultPlaylist").path("playlistId").asText();
                String target = playlists.get((playlists.indexOf(current) + 1) % playlists.size());
                s.sent = System.currentTimeMillis();
                HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "/api/displays/" + display[0] + "/playlist"))
                        .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"playlistId\":\"" + target + "\"}")).build());
                s.accepted = System.currentTimeMillis();
                long position = Long.parseLong(put.headers().firstValue("Marquee-Position").orElseThrow());
                s.position = position;
                HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(players + "/api/displays/" + display[0] + "/manifest"))
                        .header("Authorization", "Bearer " + display[1]).header("Marquee-Min-Position", Long.toString(position))
                        .GET().build());
                s.served = System.currentTimeMillis();
                s.ok = get.statusCode() == 200 && get.body().contains(target);
                displayOf.put(s, display[0]);
                all.add(s);
            } catch (Exception e) {
                System.err.println("sample failed: " + e);
            }
        });
        Thread.sleep(2_000);

        Map<String, List<Double>> hops = new java.util.LinkedHashMap<>();
        for (String hop : List.of("command (sent->200)", "200->served [the probe's figure]", "occurred->relayed (commit + relay wake-up + fetch)",
                "relayed->eventSeen (Kafka hop 1)", "eventSeen->generated (projection poll + batch up to store)",
                "relayed->generated", "generated->published (store, commit? publish send)", "published->manifestSeen (Kafka hop 2)",
                "manifestSeen->served", "published->served", "occurred->served", "occurred->accepted")) {
            hops.put(hop, new ArrayList<>());
        }
        int notServed = 0, noEvent = 0, noManifest = 0;
        for (Sample s : all) {
            long[] ev = eventTimes.get(s.position);
            long[] mf = manifestSeen.get(displayOf.get(s) + ":" + s.position);
            notServed += s.ok ? 0 : 1;
            noEvent += ev == null ? 1 : 0;
            noManifest += mf == null ? 1 : 0;
            if (!s.ok || ev == null || mf == null) {
                continue;
            }
            add(hops, "command (sent->200)", s.accepted - s.sent);
            add(hops, "200->served [the probe's figure]", s.served - s.accepted);
            add(hops, "occurred->relayed (commit + relay wake-up + fetch)", ev[1] - ev[0]);
            add(hops, "relayed->eventSeen (Kafka hop 1)", ev[2] - ev[1]);
            add(hops, "eventSeen->generated (projection poll + batch up to store)", mf[0] - ev[2]);
            add(hops, "relayed->generated", mf[0] - ev[1]);
            add(hops, "generated->published (store, commit? publish send)", mf[1] - mf[0]);
            add(hops, "published->manifestSeen (Kafka hop 2)", mf[2] - mf[1]);
            add(hops, "manifestSeen->served", s.served - mf[2]);
            add(hops, "published->served", s.served - mf[1]);
            add(hops, "occurred->served", s.served - ev[0]);
            add(hops, "occurred->accepted", s.accepted - ev[0]);
        }
        System.out.printf("samples %d; not served %d, event not seen %d, manifest not seen %d (events seen %d, manifests seen %d)%n",
                all.size(), notServed, noEvent, noManifest, eventTimes.size(), manifestSeen.size());
        hops.forEach((hop, values) -> {
            Collections.sort(values);
            System.out.printf("  %-62s p50 %6.0f  p90 %6.0f  p99 %6.0f ms%n", hop, at(values, 50), at(values, 90), at(values, 99));
        });
        System.exit(0);
    }

    /**
     * Scenario 7's change: one item added to every playlist at once (16 at a time), then, relative to the
     * first command sent: when the commands were accepted, relayed, and when the manifests were
     * generated, published and seen here.
     */
    static void fanOut(String base, String adminToken, List<String> playlists, String content,
                       Map<Long, long[]> eventTimes, Map<String, long[]> manifestSeen) throws Exception {
        List<Double> accepted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.currentTimeMillis();
        for (String playlist : playlists) {
            pool.submit(() -> {
                send(HttpRequest.newBuilder(URI.create(base + "/api/playlists/" + playlist + "/items"))
                        .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"contentId\":\"" + content + "\"}")).build());
                accepted.add((double) (System.currentTimeMillis() - start));
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        Thread.sleep(15_000);
        List<Double> relayed = new ArrayList<>(), generated = new ArrayList<>(), published = new ArrayList<>(), seen = new ArrayList<>();
        eventTimes.values().forEach(t -> relayed.add((double) (t[1] - start)));
        manifestSeen.values().forEach(t -> {
            generated.add((double) (t[0] - start));
            published.add((double) (t[1] - start));
            seen.add((double) (t[2] - start));
        });
        System.out.printf("fan-out: %d commands, %d events, %d manifests; ms after the first command was sent:%n",
                playlists.size(), relayed.size(), seen.size());
        Map<String, List<Double>> lines = new java.util.LinkedHashMap<>();
        lines.put("command accepted", accepted);
        lines.put("event relayed", relayed);
        lines.put("manifest generated", generated);
        lines.put("manifest published", published);
        lines.put("manifest seen here", seen);
        lines.forEach((name, values) -> {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            System.out.printf("  %-20s first %6.0f  p50 %6.0f  p90 %6.0f  last %6.0f%n", name, at(sorted, 0), at(sorted, 50),
                    at(sorted, 90), at(sorted, 100));
        });
        System.exit(0);
    }

    static void add(Map<String, List<Double>> hops, String hop, long millis) {
        hops.get(hop).add((double) millis);
    }

    static double at(List<Double> sorted, double percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    interface RecordHandler {
        void handle(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    static Thread tail(String bootstrap, String topic, RecordHandler handler) {
        Thread thread = new Thread(() -> {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
            try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                consumer.poll(Duration.ZERO);
                READY.countDown();
                while (!Thread.currentThread().isInterrupted()) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        handler.handle(record);
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // done
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "tail-" + topic);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static HttpResponse<String> post(String url, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static List<String[]> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",")).toList();
    }
}
