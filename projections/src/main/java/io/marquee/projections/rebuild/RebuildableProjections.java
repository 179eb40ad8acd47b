package io.marquee.projections.rebuild;

import io.marquee.events.ids.DisplayId;
import io.marquee.infra.db.ModuleSchema;
import io.marquee.projections.Projector;
import io.marquee.projections.manifest.ManifestRefresher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/**
 * The registry: every rebuildable read model is one bean here. A new one is one more bean naming its
 * tables and projectors (bean names are the projector classes' names, decapitalised).
 */
@Configuration(proxyBeanMethods = false)
public class RebuildableProjections {

    /** Version of the display, playlist, content and schedule read models; bump it when their projectors change. */
    public static final int MANIFESTS_VERSION = 1;
    /** Version of the display access read model. */
    public static final int ACCESS_VERSION = 1;

    @Bean
    FlywayMigrationInitializer projectionsRebuildSchema(DataSource dataSource) {
        return ModuleSchema.migration(dataSource, "projections-rebuild");
    }

    /**
     * The read models the manifests are assembled from. After the switch every display's manifest is
     * recomputed from the new tables: {@code ManifestStore} writes (and publishes) a new, higher version
     * only where the playable content differs, so players see nothing when the rebuild agrees.
     */
    @Bean
    RebuildableProjection manifestsProjection(
            @Value("${marquee.projections.rebuild.version.manifests:" + MANIFESTS_VERSION + "}") int version,
            @Qualifier("displayProjector") Projector displays, @Qualifier("playlistProjector") Projector playlists,
            @Qualifier("contentProjector") Projector content, ManifestRefresher manifests, JdbcTemplate jdbc) {
        return new RebuildableProjection("manifests", version,
                List.of("projection_display", "projection_playlist", "projection_content", "projection_schedule_entry"),
                List.of(displays, playlists, content),
                () -> manifests.refresh(jdbc.queryForList("SELECT display_id FROM projection_display", UUID.class)
                        .stream().map(DisplayId::new).toList()));
    }

    /** The players' access state; the compacted access topic already holds the same rows. */
    @Bean
    RebuildableProjection accessProjection(
            @Value("${marquee.projections.rebuild.version.access:" + ACCESS_VERSION + "}") int version,
            @Qualifier("displayAccessProjector") Projector access) {
        return new RebuildableProjection("access", version, List.of("projection_display_access"), List.of(access),
                () -> { });
    }
}
