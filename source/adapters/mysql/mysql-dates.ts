// DATETIME/TIMESTAMP text from the server as ISO strings. With parseTime the Go driver reads
// the wall-clock value in `loc`, so the ISO string carries loc's offset at that moment;
// without parseTime the service sees the bare text, so we give the ISO form without an offset.

export interface DateTimeFormatter {
  (text: string): string;
  /**
   * When the formatter only puts 'T' between date and time and appends a fixed text ('' without
   * parseTime, 'Z' in UTC): that text, so a row parser can build the value from the wire bytes
   * directly. null when the suffix depends on the value (a zone with an offset lookup).
   */
  readonly fixedSuffix: string | null;
}

function withSuffix(format: (text: string) => string, fixedSuffix: string | null): DateTimeFormatter {
  return Object.assign(format, { fixedSuffix });
}

function isUtc(zone: string): boolean {
  return zone === 'UTC' || zone === 'Etc/UTC';
}

export function resolveZone(loc: string): string {
  if (loc === 'Local') return Intl.DateTimeFormat().resolvedOptions().timeZone;
  return loc;
}

/** Throws RangeError when the zone is unknown to this Node's time zone data. */
export function checkZone(zone: string): void {
  // UTC always exists; skipping it spares loading ICU's zone data (~15 ms of every start).
  if (isUtc(zone)) return;
  new Intl.DateTimeFormat('en-US', { timeZone: zone });
}

function offsetText(minutes: number): string {
  if (minutes === 0) return '+00:00';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function zoneOffsetMinutes(format: Intl.DateTimeFormat, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/** Offset of `zone` for the wall-clock minute at `minuteOfHour` of an hour 'YYYY-MM-DD HH'. */
function makeMinuteOffset(zone: string): (hourKey: string, minuteOfHour: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (hourKey, minuteOfHour) => {
    const wall = Date.UTC(
      Number(hourKey.slice(0, 4)),
      Number(hourKey.slice(5, 7)) - 1,
      Number(hourKey.slice(8, 10)),
      Number(hourKey.slice(11, 13)),
      minuteOfHour,
    );
    // Two passes settle the offset around DST changes (Go picks the same instant).
    const offset = zoneOffsetMinutes(format, wall);
    return zoneOffsetMinutes(format, wall - offset * 60000);
  };
}

/**
 * Offset text of `zone` for a wall-clock value 'YYYY-MM-DD HH:MM…'. An hour whose first and
 * last minute have the same offset holds no transition (zones change at most once an hour), so
 * it is cached as one entry: a million rows cost a few thousand zone look-ups, not one each.
 */
function makeOffsetLookup(zone: string): (text: string) => string {
  const minuteOffset = makeMinuteOffset(zone);
  /** hour key → offset text, or null when the hour holds a transition (then per minute) */
  const hours = new Map<string, string | null>();
  const minutes = new Map<string, string>();
  let lastHour = '';
  let lastText = '';
  const perMinute = (text: string, hourKey: string): string => {
    const minuteKey = text.slice(0, 16);
    let cached = minutes.get(minuteKey);
    if (cached === undefined) {
      cached = offsetText(minuteOffset(hourKey, Number(minuteKey.slice(14, 16))));
      if (minutes.size > 10_000) minutes.clear();
      minutes.set(minuteKey, cached);
    }
    return cached;
  };
  return (text) => {
    // Results usually come ordered or clustered in time: the previous hour is the common hit.
    if (lastHour !== '' && text.startsWith(lastHour)) return lastText;
    const hourKey = text.slice(0, 13);
    let cached = hours.get(hourKey);
    if (cached === undefined) {
      const first = minuteOffset(hourKey, 0);
      cached = first === minuteOffset(hourKey, 59) ? offsetText(first) : null;
      if (hours.size > 10_000) hours.clear();
      hours.set(hourKey, cached);
    }
    if (cached === null) return perMinute(text, hourKey);
    lastHour = hourKey;
    lastText = cached;
    return cached;
  };
}

function isZeroDate(text: string): boolean {
  return text.startsWith('0000-00-00');
}

/** 'YYYY-MM-DD HH:MM:SS[.f]' → 'YYYY-MM-DDTHH:MM:SS[.f]' by slicing (cheaper than a replace). */
function isoWallClock(text: string): string {
  return text.charCodeAt(10) === 32 ? `${text.slice(0, 10)}T${text.slice(11)}` : text.replace(' ', 'T');
}

export function makeDateTimeFormatter(parseTime: boolean, loc: string): DateTimeFormatter {
  if (!parseTime) {
    return withSuffix((text) => (isZeroDate(text) ? text : isoWallClock(text)), '');
  }
  const zone = resolveZone(loc);
  if (isUtc(zone)) {
    return withSuffix((text) => (isZeroDate(text) ? text : `${isoWallClock(text)}Z`), 'Z');
  }
  const lookup = makeOffsetLookup(zone);
  return withSuffix((text) => {
    if (isZeroDate(text) || text.length < 16) return text;
    return `${isoWallClock(text)}${lookup(text)}`;
  }, null);
}
