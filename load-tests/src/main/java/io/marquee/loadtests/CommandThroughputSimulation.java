package io.marquee.loadtests;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Scenario 5: mixed admin commands in a closed loop, {@code marquee.concurrency} admins each sending
 * the next command as soon as the last one is answered. The figures are the commands per second and
 * the p99 of the group {@value #COMMANDS}; the raw JDBC insert rate ({@link JdbcInsertBaseline}) is the
 * baseline. The same loop runs first for {@code marquee.warmupSeconds} under other names, so the figures
 * are the steady state's, not the JIT's.
 */
public class CommandThroughputSimulation extends Simulation {

    static final String COMMANDS = "admin commands";

    {
        Fleet fleet = Fleet.fromSystemProperty();
        int concurrency = Knobs.integer("concurrency", 32);
        int warmup = Knobs.integer("warmupSeconds", 10);
        int duration = Knobs.integer("durationSeconds", 60);
        String admin = Api.admin(fleet).token();
        setUp(AdminCommands.mixed("warm-up " + COMMANDS, "warm-up ", fleet, admin)
                .injectClosed(constantConcurrentUsers(concurrency).during(warmup))
                .andThen(scenario(COMMANDS).exec(group(COMMANDS).on(AdminCommands.chain("", fleet, admin)))
                        .injectClosed(constantConcurrentUsers(concurrency).during(duration))))
                .protocols(http.baseUrl(fleet.baseUrl()).shareConnections().contentTypeHeader("application/json"))
                .assertions(global().failedRequests().count().is(0L));
    }
}
