// MySQL's and MariaDB's EXPLAIN FORMAT=JSON (and MariaDB's ANALYZE FORMAT=JSON) as a plan tree.
// Both nest query blocks, operations (filesort, temporary table) and tables under keys; any key
// not known here is walked through, so its tables still show.
import { exclusive, planNode, type Plan, type PlanNode } from './plan-tree.js';

type Json = Record<string, unknown>;

/** MySQL writes costs as strings ("12.50"), MariaDB as numbers. */
function num(value: unknown): number | null {
  const figure = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof figure === 'number' && Number.isFinite(figure) ? figure : null;
}
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const sum = (...figures: Array<number | null>): number | null =>
  figures.every((figure) => figure === null) ? null : figures.reduce<number>((total, figure) => total + (figure ?? 0), 0);

const ACCESS: Record<string, string> = {
  ALL: 'Full table scan',
  index: 'Full index scan',
  range: 'Index range scan',
  ref: 'Index lookup',
  eq_ref: 'Unique index lookup',
  const: 'Constant row',
  system: 'Single row',
  ref_or_null: 'Index lookup or null',
  index_merge: 'Index merge',
  fulltext: 'Full-text search',
  unique_subquery: 'Unique subquery lookup',
  index_subquery: 'Subquery index lookup',
};

/** Keys that stand for a step of the plan of their own (the rest are walked through). */
const OPERATIONS: Record<string, string> = {
  filesort: 'Sort (filesort)',
  ordering_operation: 'Order',
  grouping_operation: 'Group',
  temporary_table: 'Temporary table',
  duplicates_removal: 'Remove duplicates',
  duplicate_removal: 'Remove duplicates',
  read_sorted_file: 'Read sorted file',
  windowing: 'Window functions',
  window_functions_computation: 'Window functions',
  'block-nl-join': 'Block nested loop join',
  materialized: 'Materialize',
  nested_loop: 'Nested loop',
  union_result: 'Union',
};

function tableNode(json: Json): PlanNode {
  const children = contents(json);
  const access = str(json['access_type']);
  const cost = json['cost_info'];
  // The table's own work: MySQL's read + evaluate cost, MariaDB 11's cost; its time in and around the engine.
  const selfCost = isObject(cost) ? sum(num(cost['read_cost']), num(cost['eval_cost'])) : num(json['cost']);
  const selfMs = sum(num(json['r_table_time_ms']), num(json['r_other_time_ms']));
  return planNode({
    operation: access === null ? (str(json['message']) ?? 'Table') : `${ACCESS[access] ?? access} (${access})`,
    relation: str(json['table_name']),
    index: str(json['key']),
    detail: str(json['attached_condition']),
    selfCost,
    cost: selfCost === null ? null : selfCost + children.reduce((total, child) => total + (child.cost ?? 0), 0),
    estimatedRows: num(json['rows']) ?? num(json['rows_examined_per_scan']),
    actualRows: num(json['r_rows']),
    loops: num(json['r_loops']),
    selfMs,
    totalMs: selfMs === null ? null : selfMs + children.reduce((total, child) => total + (child.totalMs ?? 0), 0),
    fullScan: access === 'ALL',
    // A full scan examines the whole table: its row estimate is the table's.
    tableRows: access === 'ALL' ? (num(json['rows']) ?? num(json['rows_examined_per_scan'])) : null,
    children,
  });
}

function blockNode(json: Json): PlanNode {
  const children = contents(json);
  const cost = isObject(json['cost_info']) ? num(json['cost_info']['query_cost']) : num(json['cost']);
  const totalMs = num(json['r_total_time_ms']);
  return planNode({
    operation: `Query block #${num(json['select_id']) ?? '?'}`,
    cost,
    selfCost: exclusive(cost, children, (child) => child.cost),
    loops: num(json['r_loops']),
    totalMs,
    selfMs: exclusive(totalMs, children, (child) => child.totalMs),
    children,
  });
}

function operationNode(key: string, value: unknown): PlanNode {
  const children = Array.isArray(value)
    ? value.flatMap((item) => (isObject(item) ? contents(item) : []))
    : isObject(value)
      ? contents(value)
      : [];
  const json = isObject(value) ? value : {};
  // MariaDB's filesort time is the sort's own; the tables under it are timed separately.
  const ownMs = num(json['r_total_time_ms']);
  const sortCost = isObject(json['cost_info']) ? num(json['cost_info']['sort_cost']) : null;
  return planNode({
    operation: OPERATIONS[key] ?? key,
    detail: str(json['sort_key']) ?? str(json['attached_condition']),
    selfCost: sortCost,
    cost: sum(sortCost, ...children.map((child) => child.cost)),
    loops: num(json['r_loops']),
    actualRows: num(json['r_output_rows']),
    selfMs: ownMs,
    totalMs: sum(ownMs, ...children.map((child) => child.totalMs)),
    children,
  });
}

function nodesFor(key: string, value: unknown): PlanNode[] {
  if (key === 'table' && isObject(value)) return [tableNode(value)];
  if (key === 'query_block' && isObject(value)) return [blockNode(value)];
  if (key in OPERATIONS) return [operationNode(key, value)];
  if (Array.isArray(value)) return value.flatMap((item) => (isObject(item) ? contents(item) : []));
  return isObject(value) ? contents(value) : [];
}

/** The plan steps found under an object's keys, in the server's order. */
function contents(json: Json): PlanNode[] {
  return Object.entries(json).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? nodesFor(key, value) : []));
}

/** `document`: the text of EXPLAIN FORMAT=JSON's one value, or it parsed. */
export function parseMysqlPlan(document: unknown): Plan {
  const parsed: unknown = typeof document === 'string' ? JSON.parse(document) : document;
  if (!isObject(parsed) || !isObject(parsed['query_block'])) throw new Error('The server returned no query_block in the JSON of EXPLAIN.');
  const roots = nodesFor('query_block', parsed['query_block']);
  const analyzed = roots.some((root) => root.totalMs !== null);
  return {
    product: 'MySQL/MariaDB',
    analyzed,
    roots,
    planningMs: isObject(parsed['query_optimization']) ? num(parsed['query_optimization']['r_total_time_ms']) : null,
    executionMs: roots[0]?.totalMs ?? null,
  };
}
