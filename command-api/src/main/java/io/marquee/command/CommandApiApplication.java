package io.marquee.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the write side alone, against the Kafka and PostgreSQL that the configuration names. */
@SpringBootApplication
public class CommandApiApplication {

    public static void main(String[] args) {
        // Axon phones home unless told not to, and only a system property tells it.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandApiApplication.class, args);
    }
}
