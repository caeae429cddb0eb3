// SQLite's EXPLAIN QUERY PLAN rows (id, parent, detail) as a plan tree. SQLite gives no costs or
// row estimates: only what each step does.
import { planNode, type Plan, type PlanNode } from './plan-tree.js';

export interface SqlitePlanRow {
  id: number;
  parent: number;
  detail: string;
}

function nodeOf(detail: string, children: PlanNode[]): PlanNode {
  // "SCAN orders", "SCAN o USING COVERING INDEX i", "SEARCH u USING INTEGER PRIMARY KEY (rowid=?)"
  const match = /^(SCAN|SEARCH) (\S+)(?: USING (?:COVERING )?INDEX (\S+))?/.exec(detail);
  return planNode({
    operation: detail,
    relation: match?.[2] ?? null,
    index: match?.[3] ?? null,
    // A SCAN visits every row of the table (or of the index it names); a SEARCH only some.
    fullScan: match?.[1] === 'SCAN' && !detail.startsWith('SCAN CONSTANT ROW'),
    children,
  });
}

export function parseSqlitePlan(rows: readonly SqlitePlanRow[]): Plan {
  const build = (parent: number): PlanNode[] =>
    rows.filter((row) => row.parent === parent && row.id !== parent).map((row) => nodeOf(row.detail, build(row.id)));
  return { product: 'SQLite', analyzed: false, roots: build(0), planningMs: null, executionMs: null };
}
