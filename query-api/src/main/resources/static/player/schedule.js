// Which playlist plays now, and which of its items: pure functions of the manifest and the clock,
// so the player decides the same way online and offline.

const DAY_NAMES = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/**
 * The wall-clock date, time and weekday at `instant` in the display's IANA `timeZone`. The screen's own
 * clock setting is irrelevant: a display in Paris follows Paris time even if its OS is set to UTC.
 * Returns {date: 'YYYY-MM-DD', time: 'HH:MM:SS', day: 'MONDAY', previousDay, previousDate}.
 */
export function localTime(instant, timeZone) {
  const parts = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    parts[part.type] = part.value;
  }
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  // Date.UTC gives the weekday of the local calendar date without any further timezone arithmetic.
  const noon = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), 12);
  const weekday = new Date(noon).getUTCDay();
  const yesterday = new Date(noon - 86400000).toISOString().slice(0, 10);
  return {
    date,
    time: `${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}:${parts.second}`,
    day: DAY_NAMES[weekday],
    previousDay: DAY_NAMES[(weekday + 6) % 7],
    previousDate: yesterday,
  };
}

const formatters = new Map();

function formatterFor(timeZone) {
  const zone = timeZone || 'UTC';
  if (!formatters.has(zone)) {
    let formatter;
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    } catch (unknownZone) {
      // A zone this browser does not know must not stop playback: fall back to UTC.
      return formatterFor('UTC');
    }
    formatters.set(zone, formatter);
  }
  return formatters.get(zone);
}

/** '09:00' and '09:00:00' both become '09:00:00', so times compare as strings. */
function normalizeTime(time) {
  if (!time) return null;
  return time.length === 5 ? `${time}:00` : time.slice(0, 8);
}

function withinDates(entry, date) {
  return (!entry.startDate || entry.startDate <= date) && (!entry.endDate || date <= entry.endDate);
}

function onDay(entry, day) {
  return !entry.daysOfWeek || entry.daysOfWeek.length === 0 || entry.daysOfWeek.includes(day);
}

/**
 * Whether a schedule entry applies at local time `now`. An overnight entry (start after end, e.g.
 * 22:00-02:00) belongs to the day it starts on: its hours after midnight are checked against the
 * previous day's weekday and date, so "FRIDAY 22:00-02:00" also covers early Saturday.
 */
export function entryApplies(entry, now) {
  const start = normalizeTime(entry.startTime);
  const end = normalizeTime(entry.endTime);
  const onToday = withinDates(entry, now.date) && onDay(entry, now.day);
  if (start && end && start > end) {
    const lateToday = onToday && now.time >= start;
    const earlyAfterYesterday = now.time < end
      && withinDates(entry, now.previousDate) && onDay(entry, now.previousDay);
    return lateToday || earlyAfterYesterday;
  }
  return onToday && (!start || now.time >= start) && (!end || now.time < end);
}

/**
 * The playlist to play at `instant`: the applicable schedule entry with the highest priority (the
 * earlier one in the manifest on a tie), else the default playlist; null when there is none.
 */
export function activePlaylist(manifest, instant) {
  if (!manifest) return null;
  const now = localTime(instant, manifest.timezone);
  let winner = null;
  for (const entry of manifest.schedule || []) {
    if (entry.playlist && entryApplies(entry, now) && (!winner || entry.priority > winner.priority)) {
      winner = entry;
    }
  }
  return winner ? winner.playlist : (manifest.defaultPlaylist || null);
}

/** Whether an item may be shown at `instant`, by its validFrom (inclusive) and validUntil (exclusive). */
export function isValid(item, instant) {
  const time = instant.getTime();
  return (!item.validFrom || Date.parse(item.validFrom) <= time)
    && (!item.validUntil || time < Date.parse(item.validUntil));
}

/**
 * The index of the next item to play after `index` (wrapping round), skipping items outside their
 * validity window; -1 when none is valid now.
 */
export function nextPlayable(items, index, instant) {
  for (let step = 1; step <= items.length; step++) {
    const candidate = (index + step) % items.length;
    if (isValid(items[candidate], instant)) return candidate;
  }
  return -1;
}
