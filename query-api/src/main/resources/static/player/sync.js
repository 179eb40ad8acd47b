// Talking to the platform: the manifest (stream first, polling as the fallback), heartbeats and proof
// of play. Every failure here is survivable: the player keeps playing what it has.

const POLL_MS = 2000;          // manifest polling period while the stream is unavailable
const STREAM_RETRY_MS = 20000; // how long to poll before trying the stream again
const STREAM_SILENCE_MS = 45000; // no byte (not even a heartbeat comment) for this long: reconnect
const HEARTBEAT_MS = 30000;
const PLAYS_FLUSH_MS = 10000;
const PLAYS_BATCH = 100;
const PLAYS_KEPT = 2000;       // unsent plays kept at most; the oldest are dropped beyond this

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps one display's manifest in step with the server and reports what is played.
 * `hooks.onManifest(manifest)` gets each newer manifest; `hooks.onConnection(state)` gets
 * 'live' (stream open), 'polling' (stream unavailable, server reachable), 'offline' or 'unauthorized';
 * `hooks.playing()` returns {manifestVersion, currentItemId} for heartbeats.
 */
export class Sync {
  constructor(config, hooks) {
    this.base = `${location.origin}/api/displays/${encodeURIComponent(config.displayId)}`;
    this.headers = { Authorization: `Bearer ${config.token}` };
    this.hooks = hooks;
    this.etag = null;
    this.version = -1;
    this.playsKey = `marquee.player.plays.${config.displayId}`;
  }

  start(cachedManifest) {
    if (cachedManifest) this.version = cachedManifest.version;
    this.followManifest();
    setInterval(() => this.sendHeartbeat(), HEARTBEAT_MS);
    setInterval(() => this.flushPlays(), PLAYS_FLUSH_MS);
    this.sendHeartbeat();
  }

  /** Stream when the server offers it; otherwise poll for a while and try the stream again. */
  async followManifest() {
    for (;;) {
      const wasLive = await this.followStream();
      await this.pollUntil(Date.now() + (wasLive ? POLL_MS : STREAM_RETRY_MS));
    }
  }

  // --- the stream -----------------------------------------------------------------------------

  /**
   * Reads the SSE stream until it ends or fails; true if it was open at some point. EventSource
   * cannot send an Authorization header, so this is fetch() with a streaming body reader.
   */
  async followStream() {
    const aborter = new AbortController();
    let watchdog = null;
    const rearm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => aborter.abort(), STREAM_SILENCE_MS);
    };
    try {
      rearm();
      const response = await fetch(`${this.base}/manifest/stream`, {
        headers: { ...this.headers, Accept: 'text/event-stream' }, cache: 'no-store', signal: aborter.signal,
      });
      const type = response.headers.get('Content-Type') || '';
      if (!response.ok || !type.startsWith('text/event-stream')) {
        this.noteFailedStatus(response.status);
        response.body?.cancel().catch(() => {});
        return false;
      }
      this.hooks.onConnection('live');
      await this.readEvents(response.body, rearm);
      return true;
    } catch (unreachable) {
      this.hooks.onConnection('offline');
      return false;
    } finally {
      clearTimeout(watchdog);
      aborter.abort();
    }
  }

  /** Parses text/event-stream: blank-line separated events, `event:`/`data:`/`id:` fields, `:` comments. */
  async readEvents(body, onBytes) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { type: 'message', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      onBytes();
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          this.dispatch(event);
          event = { type: 'message', data: [] };
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event.type = text;
          if (field === 'data') event.data.push(text);
        }
      }
    }
  }

  dispatch(event) {
    if (event.type !== 'manifest' || event.data.length === 0) return;
    try {
      this.accept(JSON.parse(event.data.join('\n')), null);
    } catch (malformed) {
      console.warn('ignoring a malformed manifest event', malformed);
    }
  }

  // --- polling --------------------------------------------------------------------------------

  async pollUntil(deadline) {
    do {
      await this.pollOnce();
      await sleep(POLL_MS);
    } while (Date.now() < deadline);
  }

  /** One conditional GET: 304 costs the server nothing, 200 brings a newer manifest. */
  async pollOnce() {
    try {
      const headers = { ...this.headers };
      if (this.etag) headers['If-None-Match'] = this.etag;
      const response = await fetch(`${this.base}/manifest`, { headers, cache: 'no-store' });
      if (response.status === 200) {
        this.accept(await response.json(), response.headers.get('ETag'));
      } else if (response.status !== 304) {
        this.noteFailedStatus(response.status);
        return;
      }
      this.hooks.onConnection('polling');
    } catch (unreachable) {
      this.hooks.onConnection('offline');
    }
  }

  /** Takes a manifest unless it is older than the one held (a stale poll racing the stream). */
  accept(manifest, etag) {
    if (typeof manifest.version !== 'number' || manifest.version < this.version) return;
    if (etag) this.etag = etag;
    if (manifest.version === this.version) return; // the one we play already (e.g. from the cache)
    this.version = manifest.version;
    this.hooks.onManifest(manifest);
  }

  noteFailedStatus(status) {
    // 401/403: the token is wrong or revoked; anything else (404 before the first manifest, 5xx)
    // means the server is up but has nothing new. Either way, keep playing what we have.
    this.hooks.onConnection(status === 401 || status === 403 ? 'unauthorized' : 'polling');
  }

  // --- heartbeats and proof of play -------------------------------------------------------------

  async sendHeartbeat() {
    const { manifestVersion, currentItemId } = this.hooks.playing();
    if (manifestVersion === null) return;
    // Failures (offline, or a server without this endpoint yet) are ignored: the next beat says it all.
    await this.post('/heartbeat', { manifestVersion, currentItemId }).catch(() => {});
  }

  /** Queues one finished item; plays survive reloads and outages in localStorage until accepted. */
  recordPlay(play) {
    const plays = this.pendingPlays();
    plays.push(play);
    this.savePlays(plays.slice(-PLAYS_KEPT));
  }

  pendingPlays() {
    try {
      return JSON.parse(localStorage.getItem(this.playsKey)) || [];
    } catch (corrupt) {
      return [];
    }
  }

  savePlays(plays) {
    try {
      localStorage.setItem(this.playsKey, JSON.stringify(plays));
    } catch (full) {
      // Storage full: proof of play is best effort, playback is not.
    }
  }

  /** Sends the oldest unsent plays, one batch at a time, and forgets each batch once accepted. */
  async flushPlays() {
    if (this.flushing) return; // a slow flush must not overlap the next one and send a batch twice
    this.flushing = true;
    try {
      await this.sendPendingPlays();
    } finally {
      this.flushing = false;
    }
  }

  async sendPendingPlays() {
    for (;;) {
      const batch = this.pendingPlays().slice(0, PLAYS_BATCH);
      if (batch.length === 0) return;
      let status;
      try {
        status = (await this.post('/plays', batch)).status;
      } catch (unreachable) {
        return;
      }
      // 2xx: delivered. 400/422: the server will never take this batch, so drop it rather than
      // retry forever. Anything else (401, 404 before the endpoint exists, 5xx): keep and retry later.
      if (!(status >= 200 && status < 300) && status !== 400 && status !== 422) return;
      this.savePlays(this.pendingPlays().slice(batch.length));
    }
  }

  post(path, body) {
    return fetch(`${this.base}${path}`, {
      method: 'POST', headers: { ...this.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body), cache: 'no-store',
    });
  }
}
