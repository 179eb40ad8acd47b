-- Telemetry read models: each display's status from its heartbeats, proof of play, daily play counts,
-- and delivery status (which displays run the latest manifest version).

-- The newest heartbeat of each display. A heartbeat replaces the row only when its receivedAt is
-- later, so redelivered or out-of-order heartbeats change nothing. Online/offline is not stored: a
-- reader derives it from last_seen and its configured interval.
CREATE TABLE display_status (
    display_id       UUID        NOT NULL PRIMARY KEY,
    organization_id  UUID        NOT NULL,
    last_seen        TIMESTAMPTZ NOT NULL,
    manifest_version BIGINT      NOT NULL,
    current_item_id  UUID
);
CREATE INDEX display_status_by_organization ON display_status (organization_id);

-- Every accepted proof-of-play batch, once: inserting its report id is the claim that guards the
-- plays and the counts below against redelivery.
CREATE TABLE play_report (
    report_id       UUID        NOT NULL PRIMARY KEY,
    display_id      UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    plays           INTEGER     NOT NULL
);

-- One row per play. Content id and manifest version are kept as reported, so a play stays meaningful
-- after its content is archived or its playlist changes.
CREATE TABLE proof_of_play (
    report_id        UUID        NOT NULL,
    play_index       INTEGER     NOT NULL,
    display_id       UUID        NOT NULL,
    organization_id  UUID        NOT NULL,
    item_id          UUID,
    content_id       UUID,
    manifest_version BIGINT      NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    duration_ms      BIGINT      NOT NULL,
    PRIMARY KEY (report_id, play_index)
);
CREATE INDEX proof_of_play_by_content ON proof_of_play (content_id, started_at);
CREATE INDEX proof_of_play_by_display ON proof_of_play (display_id, started_at);

-- Plays per content, per display, per UTC day of startedAt; kept incrementally with the plays.
CREATE TABLE play_count_daily (
    content_id      UUID   NOT NULL,
    display_id      UUID   NOT NULL,
    day             DATE   NOT NULL,
    organization_id UUID   NOT NULL,
    plays           BIGINT NOT NULL,
    duration_ms     BIGINT NOT NULL,
    PRIMARY KEY (content_id, display_id, day)
);
CREATE INDEX play_count_daily_by_organization_day ON play_count_daily (organization_id, day);

-- Delivery status of every display that is not decommissioned: the version it reports having applied
-- against the latest version of its manifest. Derived, so it is never stale.
CREATE VIEW display_delivery AS
SELECT d.display_id,
       d.organization_id,
       m.version          AS latest_version,
       s.manifest_version AS applied_version,
       (m.version IS NOT NULL AND s.manifest_version IS NOT NULL AND s.manifest_version = m.version) AS up_to_date
FROM projection_display d
LEFT JOIN display_manifest m ON m.display_id = d.display_id
LEFT JOIN display_status s ON s.display_id = d.display_id
WHERE NOT d.decommissioned;
