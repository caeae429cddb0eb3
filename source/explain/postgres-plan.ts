// PostgreSQL's EXPLAIN (FORMAT JSON) as a plan tree.
import { exclusive, planNode, walkPlan, type Plan, type PlanNode } from './plan-tree.js';

type Json = Record<string, unknown>;

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The condition that says most about a node, in PostgreSQL's own order of importance. */
const CONDITIONS = ['Hash Cond', 'Merge Cond', 'Join Filter', 'Index Cond', 'Recheck Cond', 'Filter', 'Group Key', 'Sort Key'];

function conditionOf(json: Json): string | null {
  for (const key of CONDITIONS) {
    const value = json[key];
    if (typeof value === 'string') return `${key.toLowerCase()}: ${value}`;
    if (Array.isArray(value) && value.length > 0) return `${key.toLowerCase()}: ${value.join(', ')}`;
  }
  return null;
}

function operationOf(json: Json): string {
  // The JSON names every write "ModifyTable"; its text format says "Delete", "Update"…
  const type = (json['Node Type'] === 'ModifyTable' ? str(json['Operation']) : null) ?? str(json['Node Type']) ?? '?';
  const qualifier = str(json['Strategy']) ?? str(json['Join Type']);
  // "Aggregate (Hashed)", "Hash Join (Inner)"; an inner join is the default and not said.
  return qualifier && qualifier !== 'Inner' && qualifier !== 'Plain' ? `${type} (${qualifier})` : type;
}

function nodeOf(json: Json): PlanNode {
  const children = (Array.isArray(json['Plans']) ? json['Plans'] : []).map((child) => nodeOf(child as Json));
  const name = str(json['Relation Name']) ?? str(json['CTE Name']) ?? str(json['Function Name']);
  const alias = str(json['Alias']);
  const loops = num(json['Actual Loops']);
  const perLoopMs = num(json['Actual Total Time']);
  // PostgreSQL's times are per loop; over all loops is what the node cost the statement.
  const totalMs = perLoopMs === null ? null : perLoopMs * (loops ?? 1);
  const cost = num(json['Total Cost']);
  return planNode({
    operation: operationOf(json),
    relation: name === null ? null : alias !== null && alias !== name ? `${name} ${alias}` : name,
    table: str(json['Relation Name']),
    index: str(json['Index Name']),
    detail: conditionOf(json),
    cost,
    selfCost: exclusive(cost, children, (child) => child.cost),
    estimatedRows: num(json['Plan Rows']),
    actualRows: num(json['Actual Rows']),
    loops,
    totalMs,
    selfMs: exclusive(totalMs, children, (child) => child.totalMs),
    fullScan: json['Node Type'] === 'Seq Scan' || json['Node Type'] === 'Parallel Seq Scan',
    children,
  });
}

/** `document`: the one value EXPLAIN (FORMAT JSON) returns, as text or already parsed. */
export function parsePostgresPlan(document: unknown): Plan {
  const parsed: unknown = typeof document === 'string' ? JSON.parse(document) : document;
  const top = (Array.isArray(parsed) ? parsed[0] : parsed) as Json | undefined;
  if (top === undefined || typeof top !== 'object' || top === null || typeof top['Plan'] !== 'object')
    throw new Error('PostgreSQL returned no plan in the JSON of EXPLAIN.');
  const root = nodeOf(top['Plan'] as Json);
  return {
    product: 'PostgreSQL',
    analyzed: root.totalMs !== null,
    roots: [root],
    planningMs: num(top['Planning Time']),
    executionMs: num(top['Execution Time']),
  };
}

/** The tables the plan scans in full (their size is not in PostgreSQL's JSON: see tableSizesStatement). */
export function fullyScannedTables(plan: Plan): string[] {
  return [...new Set([...walkPlan(plan.roots)].filter((node) => node.fullScan && node.table !== null).map((node) => node.table as string))];
}

/**
 * The statistics' row count of tables by name (resolved on the search path, as the statement did).
 * It cannot fail on a name (quote_ident, to_regclass), so it never aborts the user's transaction.
 */
export function tableSizesStatement(tables: number): string {
  const names = Array.from({ length: tables }, (_, index) => `$${index + 1}`).join(', ');
  return `SELECT r.name, c.reltuples::float8 FROM unnest(ARRAY[${names}]::text[]) AS r(name) JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(pg_catalog.quote_ident(r.name))`;
}

/** reltuples is -1 for a table never vacuumed or analysed (unknown), else an estimate. */
export function withTableRows(plan: Plan, sizes: ReadonlyMap<string, number>): Plan {
  const fill = (node: PlanNode): PlanNode => {
    const size = node.fullScan && node.table !== null ? sizes.get(node.table) : undefined;
    return { ...node, tableRows: size !== undefined && size >= 0 ? size : node.tableRows, children: node.children.map(fill) };
  };
  return { ...plan, roots: plan.roots.map(fill) };
}
