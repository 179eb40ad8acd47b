package io.marquee.loadtests;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 3: the fleet polls its manifests at a constant rate (every display once per
 * {@code marquee.pollIntervalSeconds}, with its last ETag, as players do) while admins issue
 * {@code marquee.writesPerSecond} commands; run with 0 writes it is its own baseline. The figure is
 * the p99 of the request named {@value #POLL}; the admin writes are the group {@value #WRITES}. With
 * {@code marquee.readBaseUrl} the polls go there (a query-api process of their own) and the writes to
 * the fleet's platform.
 *
 * <p>The same load runs first for {@code marquee.warmupSeconds} under other request names. Without
 * it the figure measured start-up, not steady state: a cold Gatling JVM on one core, and the first
 * connections being opened, made about one poll in ten of the first seconds wait over 800 ms while
 * the median stayed at 1 ms.
 */
public class FleetPollingSimulation extends Simulation {

    static final String POLL = "poll manifest";
    static final String WRITES = "admin writes";
    private static final String WARM_UP = "warm-up ";

    {
        Fleet fleet = Fleet.fromSystemProperty();
        int interval = Knobs.integer("pollIntervalSeconds", 10);
        int warmup = Knobs.integer("warmupSeconds", 10);
        int duration = Knobs.integer("durationSeconds", 60);
        int writes = Knobs.integer("writesPerSecond", 200);
        double pollsPerSecond = (double) fleet.displays().size() / interval;
        HttpProtocolBuilder protocol = http.baseUrl(fleet.baseUrl()).shareConnections()
                .acceptHeader("application/json").contentTypeHeader("application/json");
        String admin = Api.admin(fleet).token();
        List<PopulationBuilder> populations = new ArrayList<>();
        String reads = System.getProperty("marquee.readBaseUrl", fleet.baseUrl());
        populations.add(polls(reads, fleet, WARM_UP).injectOpen(constantUsersPerSec(pollsPerSecond).during(warmup))
                .andThen(polls(reads, fleet, "").injectOpen(constantUsersPerSec(pollsPerSecond).during(duration))));
        if (writes > 0) {
            ScenarioBuilder measuredWrites = scenario(WRITES).exec(group(WRITES).on(
                    AdminCommands.chain("", fleet, admin)));
            populations.add(AdminCommands.mixed(WARM_UP + WRITES, WARM_UP, fleet, admin)
                    .injectOpen(constantUsersPerSec(writes).during(warmup))
                    .andThen(measuredWrites.injectOpen(constantUsersPerSec(writes).during(duration))));
        }
        setUp(populations).protocols(protocol).assertions(global().failedRequests().count().is(0L));
    }

    private static ScenarioBuilder polls(String baseUrl, Fleet fleet, String prefix) {
        return scenario(prefix + "fleet polling").feed(listFeeder(fleet.feederRecords()).circular())
                .exec(http(prefix + POLL).get(baseUrl + "/api/displays/#{displayId}/manifest")
                        .header("Authorization", "Bearer #{deviceToken}").header("If-None-Match", "#{etag}")
                        .check(status().in(200, 304)));
    }
}
