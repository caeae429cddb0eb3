// Search matches highlighted in the grid: where the term occurs in the visible row lines (the
// text as cut to the screen), found again per frame for the few lines on screen only.
import type { ScreenLine } from '../query/result-lines.js';
import { searchPattern } from '../state/result-search.js';

export function markMatches(lines: ScreenLine[], term: string | null): ScreenLine[] {
  if (term === null || term === '') return lines;
  const pattern = searchPattern(term);
  return lines.map((line) => {
    if (line.tone !== 'normal' && line.tone !== 'focused') return line;
    const marks: Array<readonly [number, number]> = [];
    for (const match of line.text.matchAll(pattern)) marks.push([match.index, match.index + match[0].length]);
    return marks.length === 0 ? line : { ...line, marks };
  });
}
