// DATETIME/TIMESTAMP text from the server as ISO strings. With parseTime the Go driver reads
// the wall-clock value in `loc`, so the ISO string carries loc's offset at that moment;
// without parseTime the service sees the bare text, so we give the ISO form without an offset.

export type DateTimeFormatter = (text: string) => string;

const ZERO_DATE = /^0000-00-00/;

export function resolveZone(loc: string): string {
  if (loc === 'Local') return Intl.DateTimeFormat().resolvedOptions().timeZone;
  return loc;
}

/** Throws RangeError when the zone is unknown to this Node's time zone data. */
export function checkZone(zone: string): void {
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

/** Offset of `zone` for a wall-clock minute 'YYYY-MM-DD HH:MM' read in that zone. */
function makeOffsetLookup(zone: string): (minuteKey: string) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const cache = new Map<string, string>();
  return (minuteKey) => {
    const cached = cache.get(minuteKey);
    if (cached !== undefined) return cached;
    const wall = Date.UTC(
      Number(minuteKey.slice(0, 4)), Number(minuteKey.slice(5, 7)) - 1, Number(minuteKey.slice(8, 10)),
      Number(minuteKey.slice(11, 13)), Number(minuteKey.slice(14, 16)),
    );
    // Two passes settle the offset around DST changes (Go picks the same instant).
    let offset = zoneOffsetMinutes(format, wall);
    const second = zoneOffsetMinutes(format, wall - offset * 60000);
    if (second !== offset) offset = second;
    const text = offsetText(offset);
    if (cache.size > 10_000) cache.clear();
    cache.set(minuteKey, text);
    return text;
  };
}

export function makeDateTimeFormatter(parseTime: boolean, loc: string): DateTimeFormatter {
  if (!parseTime) {
    return (text) => (ZERO_DATE.test(text) ? text : text.replace(' ', 'T'));
  }
  const zone = resolveZone(loc);
  if (zone === 'UTC' || zone === 'Etc/UTC') {
    return (text) => (ZERO_DATE.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  }
  const lookup = makeOffsetLookup(zone);
  return (text) => {
    if (ZERO_DATE.test(text) || text.length < 16) return text;
    return `${text.replace(' ', 'T')}${lookup(text.slice(0, 16))}`;
  };
}
