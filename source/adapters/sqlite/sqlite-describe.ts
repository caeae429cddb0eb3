// `\d NAME` on SQLite: pragma table_xinfo, index_list / index_info, foreign_key_list (and the
// keys pointing here, by scanning the other tables), sqlite_master for triggers, a view's SQL
// and the CHECK text. Only reads: nothing is changed.
import type {
  IndexDescription,
  NamedDefinition,
  RelationDescription,
  RelationName,
  RunOptions,
  StatementResult,
  Value,
} from '../adapter.js';
import { sqliteCheckConstraints } from './sqlite-check-constraints.js';

type Run = (sql: string, options?: RunOptions) => Promise<StatementResult>;

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;
const text = (value: Value | undefined): string => (value === null || value === undefined ? '' : String(value));

/** psql's wording for an action other than the default. */
const rules = (update: Value | undefined, remove: Value | undefined) =>
  `${text(update) !== 'NO ACTION' ? ` ON UPDATE ${text(update)}` : ''}${text(remove) !== 'NO ACTION' ? ` ON DELETE ${text(remove)}` : ''}`;

/** Rows of one key (several columns) grouped by the pragma's id. */
function groupKeys(rows: Value[][], idColumn: number): Value[][][] {
  const groups = new Map<string, Value[][]>();
  for (const row of rows) {
    const key = text(row[idColumn]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

async function indexesOf(run: Run, schema: string, table: string, createSql: string, options: RunOptions): Promise<IndexDescription[]> {
  const s = quoteText(schema);
  const list = await run(
    `SELECT l.name, l."unique", l.origin, m.sql FROM pragma_index_list(${quoteText(table)}, ${s}) l
       LEFT JOIN ${quoteIdentifier(schema)}.sqlite_master m ON m.type = 'index' AND m.name = l.name
      ORDER BY l.origin = 'pk' DESC, l.name`,
    options,
  );
  const indexes: IndexDescription[] = [];
  for (const [name, unique, origin, sql] of list.rows) {
    const columns = await run(`SELECT name FROM pragma_index_info(${quoteText(text(name))}, ${s}) ORDER BY seqno`, options);
    // A CREATE INDEX says its own columns and WHERE (expressions too); a key's index lists its columns.
    const created = /\bON\s+(?:"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|\S+?)\s*(\(.*)$/is.exec(text(sql))?.[1];
    const definition = `btree ${created ?? `(${columns.rows.map((row) => text(row[0])).join(', ')})`}`;
    const role = origin === 'pk' ? 'primary' : origin === 'u' ? 'unique-constraint' : Number(unique) === 1 ? 'unique' : 'plain';
    indexes.push({ name: text(name), role, definition: definition.replace(/\s+/g, ' ') });
  }
  // An INTEGER PRIMARY KEY is the rowid itself: it has no index of its own to list.
  if (!indexes.some((index) => index.role === 'primary')) {
    const rowidKey = /\bPRIMARY\s+KEY\b/i.test(createSql)
      ? await run(`SELECT name FROM pragma_table_info(${quoteText(table)}, ${s}) WHERE pk > 0 ORDER BY pk`, options)
      : null;
    if (rowidKey !== null && rowidKey.rows.length > 0)
      indexes.unshift({ name: '', role: 'primary', definition: `rowid (${rowidKey.rows.map((row) => text(row[0])).join(', ')})` });
  }
  return indexes;
}

export async function describeSqliteRelation(
  run: Run,
  schemas: string[],
  relation: RelationName,
  options: RunOptions = {},
): Promise<RelationDescription | null> {
  // Without a schema, the first database that has it, in SQLite's own order (main, then attached).
  let found: { schema: string; row: Value[] } | null = null;
  for (const schema of relation.schema === null ? schemas : [relation.schema]) {
    const result = await run(
      `SELECT type, name, sql FROM ${quoteIdentifier(schema)}.sqlite_master WHERE type IN ('table', 'view') AND name = ${quoteText(relation.name)} COLLATE NOCASE`,
      options,
    );
    const row = result.rows[0];
    if (row !== undefined) {
      found = { schema, row };
      break;
    }
  }
  if (found === null) return null;
  const { schema } = found;
  const [type, name, createSql] = found.row;
  const table = text(name);
  const s = quoteText(schema);
  const isView = type === 'view';
  const columns = await run(
    `SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(${quoteText(table)}, ${s}) ORDER BY cid`,
    options,
  );
  const indexes = isView ? [] : await indexesOf(run, schema, table, text(createSql), options);
  const outgoing = isView
    ? null
    : await run(
        `SELECT id, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(${quoteText(table)}, ${s}) ORDER BY id, seq`,
        options,
      );
  const incoming = isView
    ? null
    : await run(
        `SELECT m.name, f.id, f."from", f."to", f.on_update, f.on_delete
       FROM ${quoteIdentifier(schema)}.sqlite_master m, pragma_foreign_key_list(m.name, ${s}) f
      WHERE m.type = 'table' AND f."table" = ${quoteText(table)} COLLATE NOCASE ORDER BY m.name, f.id, f.seq`,
        options,
      );
  const triggers = await run(
    `SELECT name, sql FROM ${quoteIdentifier(schema)}.sqlite_master WHERE type = 'trigger' AND tbl_name = ${quoteText(table)} COLLATE NOCASE ORDER BY name`,
    options,
  );
  const keyText = (rows: Value[][]) => rows.map((row) => text(row[2])).join(', ');
  // A key without target columns points at the parent's primary key.
  const targets = (rows: Value[][]) => (rows.every((row) => row[3] === null) ? '' : `(${rows.map((row) => text(row[3])).join(', ')})`);
  const foreignKeys: NamedDefinition[] = groupKeys(outgoing?.rows ?? [], 0).map((rows) => {
    const first = rows[0] ?? [];
    return {
      name: '',
      definition: `FOREIGN KEY (${keyText(rows)}) REFERENCES ${text(first[1])}${targets(rows)}${rules(first[4], first[5])}`,
    };
  });
  const referencedBy = groupKeys(incoming?.rows ?? [], 1)
    .flatMap((all) => groupKeys(all, 0))
    .map((rows) => {
      const first = rows[0] ?? [];
      return {
        table: text(first[0]),
        name: '',
        definition: `FOREIGN KEY (${keyText(rows)}) REFERENCES ${table}${targets(rows)}${rules(first[4], first[5])}`,
      };
    });
  return {
    schema,
    name: table,
    kind: isView ? 'view' : 'table',
    comment: null,
    columns: columns.rows.map(([column, columnType, notNull, value, pk, hidden]) => ({
      name: text(column),
      type: text(columnType),
      collation: null,
      // An INTEGER PRIMARY KEY is the rowid and never NULL.
      nullable: Number(notNull) === 0 && !(Number(pk) > 0 && text(columnType).toUpperCase() === 'INTEGER'),
      default:
        Number(hidden) === 2
          ? 'generated always (virtual)'
          : Number(hidden) === 3
            ? 'generated always (stored)'
            : value === null || value === undefined
              ? null
              : text(value),
      comment: null,
    })),
    indexes,
    checks: isView ? [] : sqliteCheckConstraints(text(createSql)),
    foreignKeys,
    referencedBy,
    triggers: triggers.rows.map(([trigger, sql]) => ({
      name: text(trigger),
      definition: text(sql)
        .replace(/^\s*CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?/i, '')
        .replace(/\s+/g, ' '),
      enabled: true,
    })),
    viewDefinition: isView ? text(createSql).replace(/^\s*CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?VIEW\s+.*?\s+AS\s+/is, '') : null,
  };
}
