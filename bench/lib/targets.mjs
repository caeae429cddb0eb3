// Target checks shared by the cases: each yields {text, status: met|missed|n/a, detail}.
import { ratio } from './stats.mjs';

export function byLabel(results, label) {
  const entry = results.find((r) => r.label === label);
  return entry && !entry.skipped && entry.ms.n > 0 ? entry : null;
}

const fmt = (v, digits = 2) => (v === null || v === undefined ? 'n/a' : v.toFixed(digits));

/** dsnsh's median at most `limit` times the peer's. */
export function ratioAtMost(results, dsnshLabel, peerLabel, limit, text) {
  const a = byLabel(results, dsnshLabel);
  const b = byLabel(results, peerLabel);
  if (!a || !b) return { text, status: 'n/a', detail: `${!a ? dsnshLabel : peerLabel} not measured` };
  const r = ratio(a.ms.median, b.ms.median);
  return { text, status: r <= limit ? 'met' : 'missed', detail: `${fmt(r)}x (limit ${limit}x)` };
}

/** dsnsh's median below the peer's. */
export function fasterThan(results, dsnshLabel, peerLabel, text = `faster than ${peerLabel}`) {
  return ratioBelowOne(results, dsnshLabel, peerLabel, text);
}

function ratioBelowOne(results, dsnshLabel, peerLabel, text) {
  const a = byLabel(results, dsnshLabel);
  const b = byLabel(results, peerLabel);
  if (!a || !b) return { text, status: 'n/a', detail: `${!a ? dsnshLabel : peerLabel} not measured` };
  const r = ratio(a.ms.median, b.ms.median);
  return { text, status: r < 1 ? 'met' : 'missed', detail: `${fmt(a.ms.median, 0)} ms vs ${fmt(b.ms.median, 0)} ms (${fmt(r)}x)` };
}

/** A value below a limit (both in the same unit). */
export function below(value, limit, text, unit) {
  if (value === null || value === undefined) return { text, status: 'n/a', detail: 'not measured' };
  return { text, status: value < limit ? 'met' : 'missed', detail: `${fmt(value, 1)} ${unit} (limit ${limit} ${unit})` };
}

/** Worst peak RSS of a contender across its runs, in MB. */
export function peakRssMb(results, label) {
  const entry = byLabel(results, label);
  return entry && entry.rssKb.n > 0 ? entry.rssKb.max / 1024 : null;
}
