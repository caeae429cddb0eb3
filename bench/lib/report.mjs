// Turns case results into the Markdown printed on stdout.
import { ratio } from './stats.mjs';

const ms = (v) => (v === null || v === undefined ? '–' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
const pct = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(2)} %`);
const mb = (kb) => (kb === null || kb === undefined ? '–' : `${(kb / 1024).toFixed(0)} MB`);

/** "91–95 ms" rather than "91 ms–95 ms" when both ends share a unit. */
function range(fmt, min, max) {
  const [a, b] = [fmt(min), fmt(max)];
  const unitA = a.split(' ')[1];
  return unitA && unitA === b.split(' ')[1] ? `${a.split(' ')[0]}–${b}` : `${a}–${b}`;
}

function ratiosFor(caseResult, label) {
  const own = caseResult.results.find((r) => r.label === label);
  const parts = [];
  for (const [a, b] of caseResult.comparisons) {
    if (a !== label) continue;
    const peer = caseResult.results.find((r) => r.label === b);
    const value = own && peer && !own.skipped && !peer.skipped ? ratio(own.ms.median, peer.ms.median) : null;
    parts.push(`${value === null ? 'n/a' : `${value.toFixed(2)}x`} ${b}`);
  }
  return parts.join(', ') || '';
}

export function caseMarkdown(c) {
  const lines = [`### Case ${c.id}: ${c.title}`, ''];
  if (c.kind === 'latency') {
    lines.push(
      '| contender | median key→frame | p95 | min–max | first result screen | End → last row | peak RSS before End | peak RSS | notes |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of c.results) {
      if (r.skipped) {
        lines.push(`| ${r.label} | skipped: ${r.skipped} | | | | | | | |`);
        continue;
      }
      lines.push(
        `| ${r.label} | ${ms(r.ms.median)} | ${ms(r.ms.p95)} | ${range(ms, r.ms.min, r.ms.max)} | ${ms(r.firstScreenMs.median)} | ${ms(r.endMs.median)} | ${mb(r.rssBeforeEndKb.max)} | ${mb(r.rssKb.max)} | ${r.problems.join('; ')} |`,
      );
    }
  } else {
    const fmt = c.kind === 'percent' ? pct : ms;
    lines.push(`| contender | median | min–max | runs | peak RSS | ratio dsnsh / peer |`, '|---|---|---|---|---|---|');
    for (const r of c.results) {
      if (r.skipped) {
        lines.push(`| ${r.label} | skipped: ${r.skipped} | | | | |`);
        continue;
      }
      lines.push(
        `| ${r.label} | ${fmt(r.ms.median)} | ${range(fmt, r.ms.min, r.ms.max)} | ${r.ms.n} | ${mb(r.rssKb.max)} | ${ratiosFor(c, r.label)} |`,
      );
    }
  }
  for (const note of c.notes ?? []) lines.push('', `_${note}_`);
  return lines.join('\n');
}

export function targetsMarkdown(cases) {
  const lines = ['### Targets (issue 6)', '', '| target | status | figure |', '|---|---|---|'];
  for (const c of cases) for (const t of c.targets ?? []) lines.push(`| ${t.text} | ${t.status} | ${t.detail} |`);
  return lines.join('\n');
}
