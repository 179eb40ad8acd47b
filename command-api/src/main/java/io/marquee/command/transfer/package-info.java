/**
 * One organization's whole history out of the event store and into another installation's:
 * {@code GET /api/history/export} and the standalone jar's {@code export}/{@code import} commands
 * ({@code HistoryExport}, {@code HistoryImport}; NDJSON of event envelopes in position order).
 */
package io.marquee.command.transfer;
