// The \d text is shaped like psql's: an aligned column table and one section per footer kind.
import { describe, expect, it } from 'vitest';
import type { RelationDescription } from '../../source/adapters/adapter.js';
import { describeLines, describeTitle } from '../../source/describe/describe-lines.js';

const base: RelationDescription = {
  schema: 'public',
  name: 'items',
  kind: 'table',
  comment: null,
  columns: [
    { name: 'id', type: 'integer', collation: null, nullable: false, default: null, comment: null },
    { name: 'label', type: 'character varying(255)', collation: 'C', nullable: true, default: "'x'::character varying", comment: null },
  ],
  indexes: [],
  checks: [],
  foreignKeys: [],
  referencedBy: [],
  triggers: [],
  viewDefinition: null,
};

describe('describeLines', () => {
  it('aligns the column table as psql does', () => {
    expect(describeTitle(base)).toBe('Table "public.items"');
    expect(describeLines(base)).toEqual([
      ' Column | Type                   | Collation | Nullable | Default',
      '--------+------------------------+-----------+----------+------------------------',
      ' id     | integer                |           | not null |',
      " label  | character varying(255) | C         |          | 'x'::character varying",
    ]);
  });

  it('adds a Description column only when a column has a comment', () => {
    const lines = describeLines({ ...base, columns: [{ ...base.columns[0]!, comment: 'the key' }] });
    expect(lines[0]).toBe(' Column | Type    | Collation | Nullable | Default | Description');
    expect(lines[2]).toBe(' id     | integer |           | not null |         | the key');
  });

  it('writes each footer section under its psql heading, names quoted (or left out when the backend has none)', () => {
    const lines = describeLines({
      ...base,
      comment: 'things',
      indexes: [
        { name: 'items_pkey', role: 'primary', definition: 'btree (id)' },
        { name: 'items_code_key', role: 'unique-constraint', definition: 'btree (code)' },
        { name: 'items_label_idx', role: 'unique', definition: 'btree (lower(label))' },
        { name: 'items_x', role: 'plain', definition: 'hash (x)' },
      ],
      checks: [{ name: 'items_id_check', definition: 'CHECK (id > 0)' }],
      foreignKeys: [{ name: '', definition: 'FOREIGN KEY (p) REFERENCES parents(id)' }],
      referencedBy: [{ table: 'notes', name: 'notes_fk', definition: 'FOREIGN KEY (item_id) REFERENCES items(id)' }],
      triggers: [
        { name: 't1', definition: 't1 BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION f()', enabled: true },
        { name: 't2', definition: 't2 AFTER INSERT ON items', enabled: false },
      ],
    }).slice(4);
    expect(lines).toEqual([
      'Indexes:',
      '    "items_pkey" PRIMARY KEY, btree (id)',
      '    "items_code_key" UNIQUE CONSTRAINT, btree (code)',
      '    "items_label_idx" UNIQUE, btree (lower(label))',
      '    "items_x" hash (x)',
      'Check constraints:',
      '    "items_id_check" CHECK (id > 0)',
      'Foreign-key constraints:',
      '    FOREIGN KEY (p) REFERENCES parents(id)',
      'Referenced by:',
      '    TABLE "notes" CONSTRAINT "notes_fk" FOREIGN KEY (item_id) REFERENCES items(id)',
      'Triggers:',
      '    t1 BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION f()',
      'Disabled triggers:',
      '    t2 AFTER INSERT ON items',
      'Comment: things',
    ]);
  });

  it('gives a view its definition, one line per line', () => {
    const view = { ...base, kind: 'view' as const, viewDefinition: ' SELECT id\n   FROM items;' };
    expect(describeTitle(view)).toBe('View "public.items"');
    expect(describeLines(view).slice(4)).toEqual(['View definition:', ' SELECT id', '   FROM items;']);
  });
});
