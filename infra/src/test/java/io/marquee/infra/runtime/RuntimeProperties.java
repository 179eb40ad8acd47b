package io.marquee.infra.runtime;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at a {@link LocalRuntime}: its broker and its database. */
public final class RuntimeProperties {

    private RuntimeProperties() {
    }

    /** The properties every Marquee application reads to find Kafka and PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry, LocalRuntime runtime) {
        registry.add("marquee.kafka.bootstrap-servers", runtime::bootstrapServers);
        registry.add("marquee.db.url", runtime::jdbcUrl);
        registry.add("marquee.db.username", runtime::username);
        registry.add("marquee.db.password", runtime::password);
    }
}
