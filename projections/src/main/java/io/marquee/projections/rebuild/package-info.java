/**
 * Rebuilding a read model from the first event of marquee.events into side tables while the live one
 * keeps serving, then switching readers to it in one PostgreSQL transaction (`ProjectionRebuilds`,
 * the registry of `RebuildableProjection`s, and the startup upgrade of a projection whose version moved).
 */
package io.marquee.projections.rebuild;
