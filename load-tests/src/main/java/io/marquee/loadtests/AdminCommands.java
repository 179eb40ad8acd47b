package io.marquee.loadtests;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A mix of everyday admin commands, one per virtual user: rename or move a display, rename a content
 * item or a playlist, and switch a display to another playlist. Each changes an aggregate that
 * manifests are built from, so the read side has work to do too.
 */
final class AdminCommands {

    private AdminCommands() {
    }

    static ScenarioBuilder mixed(String name, Fleet fleet, String adminToken) {
        return mixed(name, "", fleet, adminToken);
    }

    /** The same mix, each request's name starting with {@code prefix} (a warm-up's requests stay out of the figures). */
    static ScenarioBuilder mixed(String name, String prefix, Fleet fleet, String adminToken) {
        return scenario(name).exec(chain(prefix, fleet, adminToken));
    }

    /** One command of the mix, on a random target. */
    static ChainBuilder chain(String prefix, Fleet fleet, String adminToken) {
        String bearer = "Bearer " + adminToken;
        Supplier<Iterator<Map<String, Object>>> targets = () -> Stream.generate(() -> target(fleet)).iterator();
        return feed(targets).exec(uniformRandomSwitch().on(
                command(prefix + "rename display", "PATCH", "/api/displays/#{displayId}",
                        "{\"name\":\"Screen #{n}\",\"location\":\"Store #{n}\"}", 200, bearer),
                command(prefix + "rename content", "PATCH", "/api/content/#{contentId}", "{\"name\":\"Slide #{n}\"}", 200, bearer),
                command(prefix + "rename playlist", "PATCH", "/api/playlists/#{playlistId}", "{\"name\":\"Campaign #{n}\"}", 200, bearer),
                command(prefix + "switch playlist", "PUT", "/api/displays/#{displayId}/playlist",
                        "{\"playlistId\":\"#{playlistId}\"}", 200, bearer)));
    }

    private static Map<String, Object> target(Fleet fleet) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Fleet.Display> displays = fleet.displays();
        return Map.of("displayId", displays.get(random.nextInt(displays.size())).id(),
                "contentId", fleet.contents().get(random.nextInt(fleet.contents().size())),
                "playlistId", fleet.playlists().get(random.nextInt(fleet.playlists().size())),
                "n", random.nextInt(1_000_000));
    }

    private static ChainBuilder command(String name, String method, String path, String body, int status, String bearer) {
        var request = switch (method) {
            case "PATCH" -> http(name).patch(path);
            case "PUT" -> http(name).put(path);
            default -> http(name).post(path);
        };
        return exec(request.header("Authorization", bearer).body(StringBody(body)).check(status().is(status)));
    }
}
