package io.marquee.loadtests;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Scenario 5: mixed admin commands in a closed loop, {@code marquee.concurrency} admins each sending
 * the next command as soon as the last one is answered. The figures are the commands per second and
 * their p99; the raw JDBC insert rate ({@link JdbcInsertBaseline}) is the baseline.
 */
public class CommandThroughputSimulation extends Simulation {

    {
        Fleet fleet = Fleet.fromSystemProperty();
        int concurrency = Knobs.integer("concurrency", 32);
        int duration = Knobs.integer("durationSeconds", 60);
        setUp(AdminCommands.mixed("admin commands", fleet, Api.admin(fleet).token())
                .injectClosed(constantConcurrentUsers(concurrency).during(duration)))
                .protocols(http.baseUrl(fleet.baseUrl()).shareConnections().contentTypeHeader("application/json"))
                .assertions(global().failedRequests().count().is(0L));
    }
}
