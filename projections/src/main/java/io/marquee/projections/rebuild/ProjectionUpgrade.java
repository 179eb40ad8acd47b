package io.marquee.projections.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * On startup, rebuilds in the background every projection whose code version is newer than the live
 * one, while the old version keeps serving, then switches to it. A projection without a recorded
 * version gets the code's version recorded. Off with {@code marquee.projections.rebuild.on-startup=false}
 * (the rebuild command turns it off for its own context).
 */
@Component
class ProjectionUpgrade implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionUpgrade.class);

    private final ProjectionRebuilds rebuilds;
    private final boolean onStartup;
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean closing;

    ProjectionUpgrade(ProjectionRebuilds rebuilds,
                      @Value("${marquee.projections.rebuild.on-startup:true}") boolean onStartup) {
        this.rebuilds = rebuilds;
        this.onStartup = onStartup;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!onStartup) {
            return;
        }
        for (RebuildableProjection projection : rebuilds.projections()) {
            int live = rebuilds.liveVersion(projection.name());
            if (projection.version() > live) {
                log.info("Projection {} is at version {}, the code at {}: rebuilding it in the background",
                        projection.name(), live, projection.version());
                Thread worker = new Thread(() -> upgrade(projection), "marquee-rebuild-" + projection.name());
                worker.setDaemon(true);
                running.add(worker);
                worker.start();
            } else if (projection.version() < live) {
                log.warn("Projection {} was built by a newer version ({}) than this code's ({}); leaving it",
                        projection.name(), live, projection.version());
            } else {
                rebuilds.recordIfAbsent(projection);
            }
        }
    }

    private void upgrade(RebuildableProjection projection) {
        try {
            var outcome = rebuilds.rebuild(projection, ProjectionRebuilds.Options
                    .reportingTo(progress -> log.info("Rebuilding {}", progress.line()), Duration.ofSeconds(10))
                    .stoppingWhen(() -> closing));
            log.info("Rebuild of {} to version {}: {}", projection.name(), projection.version(), outcome);
        } catch (RuntimeException e) {
            // the old version keeps serving; the next start tries again, resuming where this one stopped
            log.error("Rebuild of {} to version {} failed", projection.name(), projection.version(), e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        for (Thread worker : running) {
            worker.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
