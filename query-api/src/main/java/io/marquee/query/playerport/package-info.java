/**
 * The player port: a small Netty HTTP/1.1 server, on a port of its own, for the displays' hot path only
 * (the manifest, its 304, its stream). It serves the same in-memory manifests and checks device tokens
 * the same way ({@code DeviceReads}) as the main port, and answers every error with the same status and
 * problem; its responses are pre-encoded once per manifest version and written from the connections'
 * own event loops.
 */
package io.marquee.query.playerport;
