// `migrate status` prints what Ory's services print: cmdx's table through Go's text/tabwriter and
// JSON through Go's encoder. The expected bytes were produced by Go itself (a small program using
// text/tabwriter and encoding/json exactly as cmdx configures them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goJson } from '../../source/noninteractive/migrate-go-json.js';
import { goTable } from '../../source/noninteractive/migrate-tabwriter.js';
import { PROJECT_ROOT } from '../helpers/cli-path.js';

const CASES = JSON.parse(readFileSync(join(PROJECT_ROOT, 'test/fixtures/migrations/go-tabwriter-cases.json'), 'utf8')) as {
  rows: string[][];
  table: string;
}[];

describe('goTable (cmdx over text/tabwriter)', () => {
  it.each(CASES.map((c, i) => [i, c] as const))('case %i matches Go byte for byte', (_i, { rows, table }) => {
    expect(goTable(rows[0]!, rows.slice(1))).toBe(table);
  });
});

describe('goJson (encoding/json Encoder)', () => {
  it('escapes as Go does and ends with a newline', () => {
    // Go 1.19: [{"state":"Applied","version":"1","name":"a","content":"SELECT 1 \u003c 2 \u0026\u0026 '\u003e';\n","content_down":"\u2028"}]
    const value = [{ state: 'Applied', version: '1', name: 'a', content: "SELECT 1 < 2 && '>';\n", content_down: '\u2028' }];
    expect(goJson(value)).toBe(
      '[{"state":"Applied","version":"1","name":"a","content":"SELECT 1 \\u003c 2 \\u0026\\u0026 \'\\u003e\';\\n","content_down":"\\u2028"}]\n',
    );
  });
});
