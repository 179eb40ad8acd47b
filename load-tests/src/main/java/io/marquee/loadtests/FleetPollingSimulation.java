package io.marquee.loadtests;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 3: the fleet polls its manifests at a constant rate (every display once per
 * {@code marquee.pollIntervalSeconds}, with its last ETag, as players do) while admins issue
 * {@code marquee.writesPerSecond} commands; run with 0 writes it is its own baseline. The figure is
 * the p99 of the request named {@value #POLL}.
 */
public class FleetPollingSimulation extends Simulation {

    static final String POLL = "poll manifest";

    {
        Fleet fleet = Fleet.fromSystemProperty();
        int interval = Knobs.integer("pollIntervalSeconds", 10);
        int duration = Knobs.integer("durationSeconds", 60);
        int writes = Knobs.integer("writesPerSecond", 200);
        double pollsPerSecond = (double) fleet.displays().size() / interval;
        HttpProtocolBuilder protocol = http.baseUrl(fleet.baseUrl()).shareConnections()
                .acceptHeader("application/json").contentTypeHeader("application/json");
        ScenarioBuilder polls = scenario("fleet polling").feed(listFeeder(fleet.feederRecords()).circular())
                .exec(http(POLL).get("/api/displays/#{displayId}/manifest")
                        .header("Authorization", "Bearer #{deviceToken}").header("If-None-Match", "#{etag}")
                        .check(status().in(200, 304)));
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(polls.injectOpen(constantUsersPerSec(pollsPerSecond).during(duration)));
        if (writes > 0) {
            populations.add(AdminCommands.mixed("admin writes", fleet, Api.admin(fleet).token())
                    .injectOpen(constantUsersPerSec(writes).during(duration)));
        }
        setUp(populations).protocols(protocol).assertions(global().failedRequests().count().is(0L));
    }
}
