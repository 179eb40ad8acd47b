package io.marquee.query.manifest;

import io.marquee.events.MarqueeJson;
import io.marquee.events.ids.ContentId;
import io.marquee.events.ids.DisplayId;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.PlaylistId;
import io.marquee.events.ids.PlaylistItemId;
import io.marquee.events.manifest.DisplayManifest;
import io.marquee.events.manifest.ManifestItem;
import io.marquee.events.manifest.ManifestPlaylist;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much heap the in-memory manifest view holds for 10,000 displays with realistic manifests
 * (8 resolved items each, about 3 KB of JSON). A benchmark, not part of the default test run:
 * {@code mvn -pl query-api -am test -Dtest=ManifestViewFootprintBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ManifestViewFootprintBenchmark {

    static final int DISPLAYS = 10_000;

    @Test
    void prints_the_heap_held_by_ten_thousand_manifests() throws Exception {
        var json = MarqueeJson.newMapper();
        OrganizationId org = OrganizationId.random();
        List<ManifestItem> items = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            items.add(new ManifestItem(PlaylistItemId.random(), ContentId.random().value(), "IMAGE",
                    "https://cdn.example.com/campaign/slide-" + i + ".png", 10, "sha256:" + "0".repeat(64),
                    100_000L + i, null, null));
        }
        ManifestPlaylist playlist = new ManifestPlaylist(PlaylistId.random(), "Campaign", items);
        json.writeValueAsBytes(playlist); // warm the mapper's caches before the baseline

        // the bytes arrive from Kafka and only the view keeps them: count them with the view
        long before = usedHeapAfterGc();
        ManifestView view = new ManifestView();
        long bytesOfJson = 0;
        for (int i = 0; i < DISPLAYS; i++) {
            DisplayId display = DisplayId.random();
            byte[] body = json.writeValueAsBytes(new DisplayManifest(display, org, 3, 1_000 + i,
                    Instant.now(), "Europe/Paris", playlist, List.of()));
            bytesOfJson += body.length;
            view.accept(display.toString(), body);
        }
        long after = usedHeapAfterGc();

        assertThat(view.size()).isEqualTo(DISPLAYS);
        long held = after - before;
        System.out.printf("%,d manifests (%,d bytes of JSON, %,d bytes each): heap held %,d bytes"
                        + " (%.1f MiB, %,d bytes per manifest)%n",
                DISPLAYS, bytesOfJson, bytesOfJson / DISPLAYS, held, held / 1048576.0, held / DISPLAYS);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
