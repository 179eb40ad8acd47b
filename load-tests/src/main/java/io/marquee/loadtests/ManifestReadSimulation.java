package io.marquee.loadtests;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenarios 1 and 2 in Gatling: each virtual display reads its manifest (200, keeping the ETag) and
 * reads it again with {@code If-None-Match} (304). bench.sh measures these two with wrk against nginx
 * (the fairer raw-throughput tool); this simulation is their smoke test and a Gatling cross-check.
 */
public class ManifestReadSimulation extends Simulation {

    {
        Fleet fleet = Fleet.fromSystemProperty();
        int connections = Knobs.integer("connections", 256);
        int duration = Knobs.integer("durationSeconds", 30);
        var reads = scenario("manifest reads").feed(listFeeder(fleet.feederRecords()).circular())
                .exec(http("manifest 200").get("/api/displays/#{displayId}/manifest")
                        .header("Authorization", "Bearer #{deviceToken}")
                        .check(status().is(200), header("ETag").saveAs("current")))
                .exec(http("manifest 304").get("/api/displays/#{displayId}/manifest")
                        .header("Authorization", "Bearer #{deviceToken}").header("If-None-Match", "#{current}")
                        .check(status().is(304)));
        setUp(reads.injectClosed(constantConcurrentUsers(connections).during(duration)))
                .protocols(http.baseUrl(fleet.baseUrl()).shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }
}
