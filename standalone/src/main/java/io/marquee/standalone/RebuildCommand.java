package io.marquee.standalone;

import io.marquee.projections.rebuild.ProjectionRebuilds;
import io.marquee.projections.rebuild.RebuildableProjection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar marquee-standalone.jar rebuild --projection NAME [--progress-every=5s]}: rebuilds one
 * read model into side tables and switches to it, printing progress. Against the Kafka and PostgreSQL
 * that {@code MARQUEE_KAFKA_BOOTSTRAP_SERVERS} / {@code MARQUEE_DB_URL} name, else the embedded ones of
 * {@code marquee.data-dir}: those of the platform running on it (see {@link EmbeddedRuntimeProbe}), or
 * started for the rebuild when it is not running. Ctrl-C stops between batches; running it again resumes.
 * Exit status: 0 switched, 2 bad arguments, 3 stopped before the switch, 1 failed.
 */
final class RebuildCommand {

    static final String NAME = "rebuild";

    /** Counted down once the context and the embedded servers are closed: a Ctrl-C waits for it. */
    private static final CountDownLatch CLOSED = new CountDownLatch(1);

    private RebuildCommand() {
    }

    static int run(String[] args) {
        String projectionName = option(args, "--projection");
        if (projectionName == null) {
            System.err.println("usage: rebuild --projection NAME [--progress-every=5s] [--marquee.data-dir=DIR]");
            return 2;
        }
        Duration every = Duration.parse("PT" + orDefault(option(args, "--progress-every"), "5s").toUpperCase());
        // everything else of the form --key=value is a setting, as for the platform
        String[] springArgs = Arrays.stream(args).filter(arg -> arg.startsWith("--") && arg.contains("=")
                && !arg.startsWith("--projection") && !arg.startsWith("--progress-every")).toArray(String[]::new);
        List<AutoCloseable> embedded = new ArrayList<>();
        ConfigurableApplicationContext context = null;
        try {
            Map<String, Object> settings = new HashMap<>(EmbeddedRuntimeProbe.addresses(springArgs, embedded));
            settings.put("marquee.projections.rebuild.on-startup", "false");
            settings.put("marquee.projections.listeners.auto-startup", "false");
            context = start(settings, springArgs);
            return rebuild(context.getBean(ProjectionRebuilds.class), projectionName, every);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Throwable failure) {
            System.err.println("rebuild failed: " + failure);
            failure.printStackTrace();
            return 1;
        } finally {
            if (context != null) {
                context.close();
            }
            embedded.forEach(RebuildCommand::closeQuietly);
            CLOSED.countDown();
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> settings, String[] springArgs) {
        SpringApplication application = new SpringApplication(RebuildContext.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setRegisterShutdownHook(false); // ours stops the rebuild first, then closes the context
        application.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("marquee-rebuild-command", settings)));
        return application.run(springArgs);
    }

    private static int rebuild(ProjectionRebuilds rebuilds, String name, Duration every) throws InterruptedException {
        RebuildableProjection projection = rebuilds.projection(name);
        AtomicBoolean stopping = new AtomicBoolean();
        // the JVM halts when the hooks return: hold it until the batch in flight, the context and the
        // embedded servers are done
        Thread hook = new Thread(() -> {
            stopping.set(true);
            awaitQuietly(CLOSED);
        }, "marquee-rebuild-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            System.out.printf("Rebuilding %s (version %d, live version %d)%n", name, projection.version(),
                    rebuilds.liveVersion(name));
            var outcome = rebuilds.rebuild(projection, ProjectionRebuilds.Options
                    .reportingTo(progress -> System.out.println(progress.line()), every).stoppingWhen(stopping::get));
            System.out.println(outcome == ProjectionRebuilds.Outcome.SWITCHED
                    ? "Switched " + name + " to the rebuilt tables; the old ones are dropped."
                    : "Stopped; run the same command again to resume.");
            return outcome == ProjectionRebuilds.Outcome.SWITCHED ? 0 : 3;
        } finally {
            if (!stopping.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code --name value} or {@code --name=value}. */
    static String option(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("closing " + server + " failed: " + e);
        }
    }
}
