package io.marquee.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The seeded fleet as the {@link Seeder} left it in a directory: {@code fleet.properties} (the
 * platform's address and the admin's credentials), {@code displays.csv} (displayId, deviceToken,
 * playlistId, etag), {@code playlists.csv} and {@code contents.csv}.
 */
public record Fleet(String baseUrl, String email, String password, List<Display> displays,
                    List<String> playlists, List<String> contents) {

    /** One display with its device token and the playlist it shows. */
    public record Display(String id, String token, String playlistId, String etag) {
    }

    static final String DISPLAYS = "displays.csv";

    /** The displays as Gatling feeder records: displayId, deviceToken, playlistId, etag. */
    public List<java.util.Map<String, Object>> feederRecords() {
        return displays.stream().map(d -> java.util.Map.<String, Object>of("displayId", d.id(), "deviceToken", d.token(),
                "playlistId", d.playlistId(), "etag", d.etag())).toList();
    }

    /** The directory named by the system property {@code marquee.fleet}. */
    public static Fleet fromSystemProperty() {
        return load(Path.of(System.getProperty("marquee.fleet", "target/fleet")));
    }

    public static Fleet load(Path dir) {
        try {
            Properties p = new Properties();
            try (var in = Files.newInputStream(dir.resolve("fleet.properties"))) {
                p.load(in);
            }
            List<Display> displays = new ArrayList<>();
            for (String line : tail(dir.resolve(DISPLAYS))) {
                String[] f = line.split(",");
                displays.add(new Display(f[0], f[1], f[2], f[3]));
            }
            return new Fleet(p.getProperty("baseUrl"), p.getProperty("email"), p.getProperty("password"), displays,
                    tail(dir.resolve("playlists.csv")), tail(dir.resolve("contents.csv")));
        } catch (IOException e) {
            throw new UncheckedIOException("no seeded fleet in " + dir, e);
        }
    }

    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("baseUrl", baseUrl);
        p.setProperty("email", email);
        p.setProperty("password", password);
        try (var out = Files.newOutputStream(dir.resolve("fleet.properties"))) {
            p.store(out, "Seeded by io.marquee.loadtests.Seeder");
        }
        List<String> rows = new ArrayList<>(List.of("displayId,deviceToken,playlistId,etag"));
        displays.forEach(d -> rows.add(d.id() + "," + d.token() + "," + d.playlistId() + "," + d.etag()));
        Files.write(dir.resolve(DISPLAYS), rows);
        write(dir.resolve("playlists.csv"), "playlistId", playlists);
        write(dir.resolve("contents.csv"), "contentId", contents);
    }

    private static void write(Path file, String header, List<String> ids) throws IOException {
        List<String> rows = new ArrayList<>(List.of(header));
        rows.addAll(ids);
        Files.write(file, rows);
    }

    private static List<String> tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return new ArrayList<>(lines.subList(1, lines.size()));
    }
}
