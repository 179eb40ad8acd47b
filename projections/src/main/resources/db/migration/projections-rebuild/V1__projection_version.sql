-- The version of the code that built each live read model (see io.marquee.projections.rebuild).
-- No row means version 1: every projection was at version 1 before versions were recorded.
CREATE TABLE projection_version (
    projection  TEXT        NOT NULL PRIMARY KEY,
    version     INTEGER     NOT NULL,
    switched_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
