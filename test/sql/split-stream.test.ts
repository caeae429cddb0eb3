import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitStream } from '../../source/sql/split-stream.js';
import { splitStatements } from '../../source/sql/split-statements.js';
import type { SqlDialect } from '../../source/sql/dialect.js';

async function collect(pieces: string[], dialect: SqlDialect) {
  async function* chunks() {
    for (const piece of pieces) yield piece;
  }
  const out = [];
  for await (const statement of splitStream(chunks(), dialect)) out.push(statement);
  return out;
}

function cut(text: string, points: number[]): string[] {
  const sorted = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of sorted) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
}

describe('splitStream', () => {
  it('yields each statement once its ; has arrived', async () => {
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* chunks() {
      yield 'select 1; sel';
      await gate;
      yield 'ect 2;';
    }
    const iterator = splitStream(chunks(), 'postgres');
    const first = await iterator.next();
    seen.push(first.value!.text);
    release();
    for await (const statement of iterator) seen.push(statement.text);
    expect(seen).toEqual(['select 1', 'select 2']);
  });

  it('positions match splitting the whole text', async () => {
    const text = "select 1;\n  select 'a;\nb';\n-- c\nselect\n 3; select 4";
    expect(await collect(cut(text, [3, 9, 12, 20, 30]), 'postgres')).toEqual(splitStatements(text, 'postgres'));
  });

  it('any cutting of any input gives the same statements as splitStatements', async () => {
    const dialects = fc.constantFrom<SqlDialect>('postgres', 'mysql', 'sqlite');
    const sqlish = fc.string({ unit: fc.constantFrom(...`ab1 ;'"\`$-#/*\\\n()`.split('')), maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(sqlish, fc.array(fc.nat(70), { maxLength: 6 }), dialects, async (text, points, dialect) => {
        expect(await collect(cut(text, points), dialect)).toEqual(splitStatements(text, dialect));
      }),
      { numRuns: 1000 },
    );
  });
});
