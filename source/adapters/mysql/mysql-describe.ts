// `\d NAME` on MySQL/MariaDB from information_schema: COLUMN_TYPE for exact types, STATISTICS
// for indexes, TABLE_CONSTRAINTS/CHECK_CONSTRAINTS, KEY_COLUMN_USAGE both ways, TRIGGERS, VIEWS
// and the comments. Only SELECTs: nothing is changed.
import type { IndexDescription, RelationDescription, RelationName, RunOptions, StatementResult, Value } from '../adapter.js';
import { viewDefinitionText } from './mysql-view-text.js';

type Query = (sql: string, params: Value[], options?: RunOptions) => Promise<StatementResult>;

const text = (value: Value | undefined): string => (value === null || value === undefined ? '' : String(value));
/** MySQL reports "no comment" as '' */
const comment = (value: Value | undefined): string | null => (value === null || value === undefined || value === '' ? null : String(value));

const FIND = `SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, TABLE_COLLATION FROM information_schema.TABLES
 WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?`;

const COLUMNS = `SELECT COLUMN_NAME, COLUMN_TYPE, COLLATION_NAME, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT, GENERATION_EXPRESSION
  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`;

const INDEXES = `SELECT INDEX_NAME, MIN(NON_UNIQUE), MIN(INDEX_TYPE),
       GROUP_CONCAT(CONCAT(COLUMN_NAME, IF(SUB_PART IS NULL, '', CONCAT('(', SUB_PART, ')'))) ORDER BY SEQ_IN_INDEX SEPARATOR ', ')
  FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
 GROUP BY INDEX_NAME ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME`;

// MariaDB's CHECK_CONSTRAINTS names the table (its generated names repeat between tables);
// MySQL's does not, and its constraint names are unique in the schema.
const CHECK_HAS_TABLE = `SELECT COUNT(*) FROM information_schema.COLUMNS
 WHERE TABLE_SCHEMA = 'information_schema' AND TABLE_NAME = 'CHECK_CONSTRAINTS' AND COLUMN_NAME = 'TABLE_NAME'`;
const checks = (byTable: boolean) => `SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
  FROM information_schema.TABLE_CONSTRAINTS tc
  JOIN information_schema.CHECK_CONSTRAINTS cc
    ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME${byTable ? ' AND cc.TABLE_NAME = tc.TABLE_NAME' : ''}
 WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY tc.CONSTRAINT_NAME`;

// Foreign keys from KEY_COLUMN_USAGE, outgoing (`k.TABLE_*` = this one) or incoming (REFERENCED_TABLE_*).
const keys = (direction: 'TABLE' | 'REFERENCED_TABLE') => `SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME,
       GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '),
       k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME,
       GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '),
       MIN(r.UPDATE_RULE), MIN(r.DELETE_RULE)
  FROM information_schema.KEY_COLUMN_USAGE k
  JOIN information_schema.REFERENTIAL_CONSTRAINTS r
    ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
 WHERE k.${direction}_SCHEMA = ? AND k.${direction}_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
 GROUP BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME
 ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME`;

const TRIGGERS = `SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION, ACTION_STATEMENT
  FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ? ORDER BY TRIGGER_NAME`;

/** MariaDB writes defaults as expressions ('text' quoted, NULL as the word); MySQL as bare values. */
function columnDefault(value: Value, extra: string, generation: string): string | null {
  if (/GENERATED/i.test(extra) && generation !== '')
    return `generated always as (${generation}) ${/STORED/i.test(extra) ? 'stored' : 'virtual'}`;
  const parts: string[] = [];
  if (value !== null && value !== 'NULL') parts.push(String(value));
  if (/auto_increment/i.test(extra)) parts.push('auto_increment');
  const onUpdate = /on update (.+)$/i.exec(extra)?.[1];
  if (onUpdate !== undefined) parts.push(`on update ${onUpdate}`);
  return parts.length === 0 ? null : parts.join(' ');
}

/** A table of the same schema by its name, another one qualified. */
const tableIn = (home: string, schema: Value, table: Value) => (text(schema) === home ? text(table) : `${text(schema)}.${text(table)}`);

function rules(update: Value, remove: Value): string {
  // NO ACTION and RESTRICT are the same on MySQL and the default: not worth a word, as in psql.
  const said = (rule: Value) => text(rule) !== 'NO ACTION' && text(rule) !== 'RESTRICT';
  return `${said(update) ? ` ON UPDATE ${text(update)}` : ''}${said(remove) ? ` ON DELETE ${text(remove)}` : ''}`;
}

function indexOf([name, nonUnique, type, columns]: Value[]): IndexDescription {
  const role = text(name) === 'PRIMARY' ? 'primary' : Number(nonUnique) === 0 ? 'unique' : 'plain';
  return { name: text(name), role, definition: `${text(type).toLowerCase()} (${text(columns)})` };
}

export async function describeMysqlRelation(
  query: Query,
  relation: RelationName,
  options: RunOptions = {},
): Promise<RelationDescription | null> {
  const head = (await query(FIND, [relation.schema, relation.name], options)).rows[0];
  if (head === undefined) return null;
  const [schema, name, type, tableComment, tableCollation] = head;
  const where = [text(schema), text(name)];
  const isView = text(type).includes('VIEW');
  // One after another: the reads may have to share the console's one connection.
  const columns = await query(COLUMNS, where, options);
  const indexes = isView ? null : await query(INDEXES, where, options);
  const byTable = Number((await query(CHECK_HAS_TABLE, [], options)).rows[0]?.[0]) > 0;
  const checkRows = isView ? null : await query(checks(byTable), where, options);
  const outgoing = isView ? null : await query(keys('TABLE'), where, options);
  const incoming = isView ? null : await query(keys('REFERENCED_TABLE'), where, options);
  const triggers = isView ? null : await query(TRIGGERS, where, options);
  const view = isView
    ? await query('SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', where, options)
    : null;
  return {
    schema: text(schema),
    name: text(name),
    kind: isView ? 'view' : 'table',
    // A view's TABLE_COMMENT is the word VIEW.
    comment: isView ? null : comment(tableComment),
    columns: columns.rows.map(([column, columnType, collation, nullable, value, extra, columnComment, generation]) => ({
      name: text(column),
      type: text(columnType),
      collation: collation === null || collation === tableCollation ? null : text(collation),
      nullable: nullable === 'YES',
      default: columnDefault(value ?? null, text(extra), text(generation)),
      comment: comment(columnComment),
    })),
    indexes: (indexes?.rows ?? []).map(indexOf),
    checks: (checkRows?.rows ?? []).map(([check, clause]) => ({ name: text(check), definition: `CHECK (${text(clause)})` })),
    foreignKeys: (outgoing?.rows ?? []).map((row) => ({
      name: text(row[2]),
      definition: `FOREIGN KEY (${text(row[3])}) REFERENCES ${tableIn(text(schema), row[4] ?? null, row[5] ?? null)}(${text(row[6])})${rules(row[7] ?? null, row[8] ?? null)}`,
    })),
    referencedBy: (incoming?.rows ?? []).map((row) => ({
      table: tableIn(text(schema), row[0] ?? null, row[1] ?? null),
      name: text(row[2]),
      definition: `FOREIGN KEY (${text(row[3])}) REFERENCES ${text(row[5])}(${text(row[6])})${rules(row[7] ?? null, row[8] ?? null)}`,
    })),
    triggers: (triggers?.rows ?? []).map(([trigger, timing, event, orientation, statement]) => ({
      name: text(trigger),
      definition: `${text(trigger)} ${text(timing)} ${text(event)} ON ${text(name)} FOR EACH ${text(orientation)} ${text(statement).replace(/\s+/g, ' ')}`,
      enabled: true,
    })),
    viewDefinition: view === null ? null : viewDefinitionText(text(view.rows[0]?.[0])),
  };
}
