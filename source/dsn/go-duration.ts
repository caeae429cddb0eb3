// Go's time.ParseDuration grammar: [-+]? followed by one or more `number unit` pairs, where a
// number is decimal with an optional fraction (`1.5`, `.5`, `1.`) and the unit is one of
// ns us µs μs ms s m h. A bare `0` (optionally signed) is allowed; any other bare number is not.
// Values beyond Go's int64 nanoseconds are invalid, as in Go.

const NANOS_PER_UNIT: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX_NANOS = (1n << 63n) - 1n;

export type DurationResult = { ok: true; nanos: bigint } | { ok: false; reason: string };

export function parseGoDuration(text: string): DurationResult {
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, nanos: 0n };
  if (rest === '') return { ok: false, reason: 'it is empty' };
  let total = 0n;
  while (rest !== '') {
    const match = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    const [numberText, whole = '', fraction] = match;
    if (whole === '' && (fraction === undefined || fraction === '')) {
      return { ok: false, reason: `expected a number at "${rest}"` };
    }
    rest = rest.slice(numberText.length);
    const unitMatch = /^[^\d.]*/.exec(rest)!;
    const unit = unitMatch[0];
    if (unit === '') return { ok: false, reason: `the number ${numberText} has no unit (ns, us, ms, s, m, h)` };
    const perUnit = NANOS_PER_UNIT[unit];
    if (perUnit === undefined) return { ok: false, reason: `unknown unit "${unit}" (use ns, us, ms, s, m, h)` };
    rest = rest.slice(unit.length);
    let nanos = BigInt(whole === '' ? '0' : whole) * perUnit;
    if (fraction) nanos += (BigInt(fraction) * perUnit) / 10n ** BigInt(fraction.length);
    total += nanos;
    if (total > MAX_NANOS + (negative ? 1n : 0n)) return { ok: false, reason: 'it is too large' };
  }
  return { ok: true, nanos: negative ? -total : total };
}

/**
 * Nanoseconds → whole milliseconds, rounding up any positive remainder so a tiny positive
 * duration never turns into 0 (which means "unlimited" / "no timeout").
 */
export function nanosToMs(nanos: bigint): number {
  const ms = nanos / 1_000_000n;
  const roundedUp = nanos > 0n && nanos % 1_000_000n !== 0n ? ms + 1n : ms;
  return Number(roundedUp);
}
