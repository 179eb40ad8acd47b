-- A manifest's body is no longer stored: it is published to the compacted topic
-- marquee.display-manifests, which is what every query-api serves from, and nothing read it here.
-- Writing it cost PostgreSQL four times the rest of the row (a 3-6 KiB value compressed into TOAST
-- and written to the WAL on every new version): 2,000 upserts of real manifests measured a median of
-- 285 ms with it, 63 ms without (load-tests/scripts/ManifestUpsert.java), and a playlist change that
-- reaches 10,000 displays writes 10,000 of them. content_hash and version
-- still decide whether a new version is due.
-- Expand, then contract: the column stays, nullable, so that a projections instance of the previous
-- release keeps working during a rolling upgrade; this release writes NULL over the bodies it
-- replaces. A later migration drops the column.
ALTER TABLE display_manifest ALTER COLUMN body DROP NOT NULL;
COMMENT ON COLUMN display_manifest.body IS
    'No longer written (V6): the manifest''s bytes live on marquee.display-manifests. To be dropped.';
