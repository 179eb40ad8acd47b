package io.marquee.standalone;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole platform in one application context: command-api, projections and query-api. Their
 * own {@code *Application} classes are left out of the scan; they exist for running a role alone.
 * Infra is not scanned: it arrives by auto-configuration, as in every role.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {
        "io.marquee.command", "io.marquee.projections", "io.marquee.query", "io.marquee.standalone"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class)})
public class MarqueeStandalone {

    /** Starts the platform, or runs one of {@link StandaloneCommands} (export, import, rebuild). */
    public static void main(String[] args) {
        int status = StandaloneCommands.dispatch(args);
        if (status >= 0) {
            // a command ran to its end: the embedded servers' threads must not keep the JVM alive
            System.exit(status);
        }
    }
}
