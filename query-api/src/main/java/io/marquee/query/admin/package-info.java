/**
 * Admin reads from the PostgreSQL read models the projections keep: content, playlists, displays with
 * their status and delivery, and play counts. Organization-scoped, paged, filterable; plain SQL
 * against the tables, with no dependency on the projections module.
 */
package io.marquee.query.admin;
