/**
 * Display status from heartbeats: last seen, the manifest version applied and the current item
 * ({@code display_status}), and the derived delivery status ({@code display_delivery}).
 */
package io.marquee.projections.status;
