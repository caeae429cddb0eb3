// A relation's description as text lines shaped like psql's `\d`: the column table, then one
// section per kind of footer (Indexes:, Check constraints:, Foreign-key constraints:,
// Referenced by:, Triggers:, View definition:). Pure: the catalogue was read by the adapter.
import stringWidth from 'string-width';
import type { IndexDescription, RelationDescription } from '../adapters/adapter.js';

const TITLES: Record<RelationDescription['kind'], string> = {
  table: 'Table',
  view: 'View',
  'materialized view': 'Materialized view',
  'partitioned table': 'Partitioned table',
  'foreign table': 'Foreign table',
  index: 'Index',
  sequence: 'Sequence',
};

export function describeTitle(relation: RelationDescription): string {
  return `${TITLES[relation.kind]} "${relation.schema}.${relation.name}"`;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

/** psql's aligned table: ` a | b ` cells, a `---+---` rule under the header. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[column] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => ` ${pad(cell, widths[column] ?? 0)} `)
      .join('|')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width + 2)).join('+'), ...rows.map(line)];
}

/** `"name" ` before a definition; nothing where the backend keeps no name (SQLite's keys). */
const named = (name: string) => (name === '' ? '' : `"${name}" `);

function indexLine(index: IndexDescription): string {
  const role = { primary: 'PRIMARY KEY, ', 'unique-constraint': 'UNIQUE CONSTRAINT, ', unique: 'UNIQUE, ', plain: '' }[index.role];
  return `    ${named(index.name)}${role}${index.definition}`;
}

const section = (title: string, lines: string[]): string[] => (lines.length === 0 ? [] : [`${title}:`, ...lines]);

export function describeLines(relation: RelationDescription): string[] {
  const withComments = relation.columns.some((column) => column.comment !== null);
  const header = ['Column', 'Type', 'Collation', 'Nullable', 'Default', ...(withComments ? ['Description'] : [])];
  const rows = relation.columns.map((column) => [
    column.name,
    column.type,
    column.collation ?? '',
    column.nullable ? '' : 'not null',
    column.default ?? '',
    ...(withComments ? [column.comment ?? ''] : []),
  ]);
  return [
    ...table(header, rows),
    ...section('Indexes', relation.indexes.map(indexLine)),
    ...section(
      'Check constraints',
      relation.checks.map((check) => `    ${named(check.name)}${check.definition}`),
    ),
    ...section(
      'Foreign-key constraints',
      relation.foreignKeys.map((key) => `    ${named(key.name)}${key.definition}`),
    ),
    ...section(
      'Referenced by',
      relation.referencedBy.map((key) => `    TABLE "${key.table}" ${key.name === '' ? '' : `CONSTRAINT "${key.name}" `}${key.definition}`),
    ),
    ...section(
      'Triggers',
      relation.triggers.filter((trigger) => trigger.enabled).map((trigger) => `    ${trigger.definition}`),
    ),
    ...section(
      'Disabled triggers',
      relation.triggers.filter((trigger) => !trigger.enabled).map((trigger) => `    ${trigger.definition}`),
    ),
    ...section('View definition', relation.viewDefinition === null ? [] : relation.viewDefinition.split('\n')),
    ...(relation.comment === null ? [] : [`Comment: ${relation.comment}`]),
  ];
}
