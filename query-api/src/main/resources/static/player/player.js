// The web player: plays the display's manifest full-screen, item after item, in a loop, and keeps
// doing so from its last known manifest while the server is unreachable.

import { activePlaylist, isValid, nextPlayable } from './schedule.js';
import { Sync } from './sync.js';

const TICK_MS = 250; // how often the schedule and the current item's time are checked
const STORAGE = 'marquee.player.';

const stage = document.getElementById('stage');
const statusBox = document.getElementById('status');

/** What is on screen, and since when. */
const now = {
  manifest: null,
  playlistId: null,
  item: null,
  itemManifestVersion: null, // the version the item was started under, for its proof of play
  startedAt: null,
  connection: 'starting',
  lastManifestAt: null,
};

let sync = null;

// --- configuration ------------------------------------------------------------------------------

/**
 * The display id and token come from `?display=...&token=...` once, and are remembered, so that the
 * screen can be rebooted onto the bare /player address. The token is then removed from the address
 * bar, where anyone looking at the screen's browser could read it.
 */
function readConfig() {
  const query = new URLSearchParams(location.search);
  for (const key of ['display', 'token']) {
    if (query.get(key)) localStorage.setItem(STORAGE + key, query.get(key));
  }
  if (query.has('token')) {
    query.delete('token');
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
  }
  if (query.get('status') === '1') statusBox.hidden = false;
  const displayId = localStorage.getItem(STORAGE + 'display');
  const token = localStorage.getItem(STORAGE + 'token');
  return displayId && token ? { displayId, token } : null;
}

function cachedManifest(displayId) {
  try {
    return JSON.parse(localStorage.getItem(`${STORAGE}manifest.${displayId}`));
  } catch (corrupt) {
    return null;
  }
}

function cacheManifest(manifest) {
  try {
    localStorage.setItem(`${STORAGE}manifest.${manifest.displayId}`, JSON.stringify(manifest));
  } catch (full) {
    // Without the cache a reload while offline shows nothing, but playing now is unaffected.
  }
}

// --- playback -----------------------------------------------------------------------------------

/** A newer manifest: cache it for offline reloads and apply it at once (not at the next tick). */
function onManifest(manifest) {
  now.manifest = manifest;
  now.lastManifestAt = new Date();
  cacheManifest(manifest);
  tick(true);
}

/**
 * Decides what must be on screen at this instant. A changed playlist (new manifest or schedule
 * boundary) starts over; otherwise the current item stays until its duration is up.
 */
function tick(manifestChanged = false) {
  const at = new Date();
  const playlist = activePlaylist(now.manifest, at);
  const items = playlist ? playlist.items || [] : [];
  if (items.length === 0) {
    showNothing(at);
  } else if (playlist.playlistId !== now.playlistId || manifestChanged) {
    switchTo(playlist, at);
  } else if (itemIsOver(at)) {
    advance(items, at);
  }
  render();
}

function itemIsOver(at) {
  if (!now.item) return true;
  const durationMs = Math.max(1, now.item.durationSeconds || 10) * 1000;
  return at - now.startedAt >= durationMs || !isValid(now.item, at);
}

/** On a new manifest the current item keeps playing if it is still there, unchanged; else start over. */
function switchTo(playlist, at) {
  now.playlistId = playlist.playlistId;
  const stillThere = now.item && playlist.items.find((item) =>
    item.itemId === now.item.itemId && item.uri === now.item.uri && item.type === now.item.type);
  if (stillThere && isValid(stillThere, at)) {
    now.item = stillThere; // new duration or validity applies to the running item
    return;
  }
  show(playlist.items, nextPlayable(playlist.items, -1, at), at);
}

function advance(items, at) {
  const index = items.findIndex((item) => item.itemId === now.item?.itemId);
  show(items, nextPlayable(items, index, at), at);
}

function show(items, index, at) {
  finishCurrent(at);
  if (index < 0) {
    showNothing(at);
    return;
  }
  const item = items[index];
  const same = stage.firstElementChild?.dataset.itemId === item.itemId
    && stage.firstElementChild?.dataset.uri === item.uri;
  // A one-item loop keeps its element: re-creating it would flash black (and restart a video).
  if (!same) stage.replaceChildren(elementFor(item));
  now.item = item;
  now.itemManifestVersion = now.manifest.version;
  now.startedAt = at;
}

function showNothing(at) {
  finishCurrent(at);
  now.item = null;
  stage.replaceChildren();
}

/** Proof of play: every item that leaves the screen is reported with how long it was shown. */
function finishCurrent(at) {
  if (!now.item || !sync) return;
  sync.recordPlay({
    itemId: now.item.itemId,
    contentId: now.item.contentId,
    manifestVersion: now.itemManifestVersion,
    startedAt: now.startedAt.toISOString(),
    durationMs: at - now.startedAt,
  });
}

/**
 * The element for one item. HTML and WEB_PAGE content both load by `src` (HTML content's uri points at
 * an HTML document); the sandbox keeps HTML content from reaching this page's storage and its token.
 */
function elementFor(item) {
  let element;
  switch (item.type) {
    case 'IMAGE':
      element = document.createElement('img');
      element.alt = '';
      break;
    case 'VIDEO':
      element = document.createElement('video');
      // Muted, or browsers refuse to autoplay; looped, since the item's duration decides when it ends.
      Object.assign(element, { muted: true, autoplay: true, loop: true, playsInline: true });
      break;
    case 'HTML':
      element = document.createElement('iframe');
      element.setAttribute('sandbox', 'allow-scripts');
      break;
    default: // WEB_PAGE, and any type added later: a web page is the most useful guess
      element = document.createElement('iframe');
      element.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
  }
  element.src = item.uri;
  element.className = 'item';
  element.dataset.itemId = item.itemId;
  element.dataset.uri = item.uri;
  return element;
}

// --- status ---------------------------------------------------------------------------------

/** Mirrors the state on <body> (for tests and remote checks) and in the #status overlay. */
function render() {
  const body = document.body.dataset;
  body.state = now.item ? 'playing' : (now.manifest ? 'idle' : 'waiting');
  body.itemId = now.item ? now.item.itemId : '';
  body.manifestVersion = now.manifest ? String(now.manifest.version) : '';
  body.connection = now.connection;
  if (!statusBox.hidden) {
    statusBox.textContent = [
      `display ${now.manifest?.displayId ?? localStorage.getItem(STORAGE + 'display')}`,
      `manifest v${body.manifestVersion || '-'} (${now.manifest?.timezone ?? '-'})`,
      `connection ${now.connection}`,
      `playlist ${now.playlistId ?? '-'}`,
      `item ${body.itemId || '-'} ${now.item ? `${now.item.type} ${now.item.uri}` : ''}`,
      `unsent plays ${sync ? sync.pendingPlays().length : 0}`,
      `last manifest ${now.lastManifestAt ? now.lastManifestAt.toISOString() : '-'}`,
    ].join('\n');
  }
}

function listenForKeys() {
  document.addEventListener('keydown', (event) => {
    if (event.key === 's' || event.key === 'S') {
      statusBox.hidden = !statusBox.hidden;
      render();
    } else if (event.key === 'f' || event.key === 'F') {
      // Fullscreen needs a user gesture; kiosk browsers are usually started full-screen anyway.
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(() => {});
    }
  });
}

// --- start ----------------------------------------------------------------------------------

function start() {
  listenForKeys();
  const config = readConfig();
  if (!config) {
    document.body.dataset.state = 'unconfigured';
    document.getElementById('setup').hidden = false;
    return;
  }
  const cached = cachedManifest(config.displayId);
  sync = new Sync(config, {
    onManifest,
    onConnection: (connection) => { now.connection = connection; render(); },
    playing: () => ({ manifestVersion: now.manifest?.version ?? null, currentItemId: now.item?.itemId ?? null }),
  });
  // Play the cached manifest straight away: the server may be unreachable right now.
  if (cached) onManifest(cached);
  sync.start(cached);
  setInterval(() => tick(), TICK_MS);
  render();
}

start();
