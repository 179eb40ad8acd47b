/**
 * Proof of play: every reported play once ({@code play_report}, {@code proof_of_play}) and play counts
 * per content, per display, per UTC day ({@code play_count_daily}).
 */
package io.marquee.projections.plays;
