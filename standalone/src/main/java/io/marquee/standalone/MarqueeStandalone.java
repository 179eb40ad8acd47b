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

    /** Starts the platform; {@code rebuild --projection NAME} rebuilds a read model instead (see {@link RebuildCommand}). */
    public static void main(String[] args) {
        if (args.length > 0 && RebuildCommand.NAME.equals(args[0])) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            System.exit(RebuildCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        StandaloneLauncher.launch(args);
    }
}
