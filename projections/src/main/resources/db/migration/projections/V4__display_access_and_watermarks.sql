-- What players' authorization needs (published to marquee.display-access), and how far the projections
-- have applied each organization's events (published to marquee.projection-watermarks).
-- V4, not V3: another branch of the same issue adds the telemetry read models as V3.

CREATE TABLE projection_display_access (
    display_id       UUID    NOT NULL PRIMARY KEY,
    organization_id  UUID    NOT NULL,
    token_generation BIGINT  NOT NULL,
    decommissioned   BOOLEAN NOT NULL DEFAULT FALSE,
    last_position    BIGINT  NOT NULL
);

CREATE TABLE projection_watermark (
    organization_id UUID   NOT NULL PRIMARY KEY,
    position        BIGINT NOT NULL
);
