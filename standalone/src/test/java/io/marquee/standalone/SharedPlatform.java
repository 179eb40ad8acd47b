package io.marquee.standalone;

import io.marquee.infra.runtime.LocalRuntime;
import io.marquee.infra.runtime.SharedTestRuntime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on the shared test runtime (real broker and database). Every test class that
 * extends this shares one Spring context: the configuration below is the whole cache key, so keep
 * subclasses free of their own context settings.
 */
// metrics export is off in tests unless asked for: the prometheus endpoint is part of what is tested
@AutoConfigureObservability
@SpringBootTest(classes = MarqueeStandalone.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SharedPlatform {

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        LocalRuntime runtime = SharedTestRuntime.get();
        registry.add("marquee.kafka.bootstrap-servers", runtime::bootstrapServers);
        registry.add("marquee.db.url", runtime::jdbcUrl);
        registry.add("marquee.db.username", runtime::username);
        registry.add("marquee.db.password", runtime::password);
        registry.add("marquee.security.jwt.key-directory", () -> runtime.dataDir().resolve("keys").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** A client without a token. */
    HttpProbe anonymous() {
        return new HttpProbe(port);
    }

    long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
