-- Every envelope consumed from marquee.events, once, for the analysts' history reads and for
-- rebuilding what a display's manifest was at any instant. Written in the same transaction as the
-- read models, the manifests and the watermark of its batch, so a watermark covers the history too.
-- batch_end is the position of the organization's last event in the batch that applied this one:
-- manifests are refreshed once per batch, so a replay refreshes where the projection did.
CREATE TABLE history_event (
    position           BIGINT      NOT NULL PRIMARY KEY,
    event_id           UUID        NOT NULL,
    organization_id    UUID        NOT NULL,
    aggregate_type     TEXT        NOT NULL,
    aggregate_id       TEXT        NOT NULL,
    aggregate_sequence BIGINT      NOT NULL,
    type               TEXT        NOT NULL,
    version            INTEGER     NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    actor              TEXT,
    correlation_id     TEXT,
    payload            JSONB       NOT NULL,
    batch_end          BIGINT      NOT NULL,
    projected_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX history_event_by_organization ON history_event (organization_id, position);
CREATE INDEX history_event_by_aggregate ON history_event (organization_id, aggregate_id, position);
CREATE INDEX history_event_by_type ON history_event (organization_id, type, position);
CREATE INDEX history_event_by_time ON history_event (organization_id, occurred_at);
