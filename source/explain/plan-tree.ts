// One plan tree for every dialect's EXPLAIN: what each node does, on what, and its figures.
// Parsers fill it from the server's own format; plan-lines turns it into text.

export interface PlanNode {
  /** What the node does: "Seq Scan", "Hash Join", "table o (ref)", "SCAN orders" */
  operation: string;
  /** The table it reads (with its alias when the server gives one), or null */
  relation: string | null;
  /** The table's own name, without alias (to look up its size), when the server gives it */
  table: string | null;
  index: string | null;
  /** A condition or note the server attached (join condition, filter), or null */
  detail: string | null;
  /** The optimiser's cost of this node and everything under it; null when the server gives none */
  cost: number | null;
  /** The cost of this node alone (its children's cost taken out) */
  selfCost: number | null;
  /** Rows the optimiser expects per loop */
  estimatedRows: number | null;
  /** With ANALYZE: rows per loop, loops, time over all loops including children, time of the node alone */
  actualRows: number | null;
  loops: number | null;
  totalMs: number | null;
  selfMs: number | null;
  /** Reads the whole table (a sequential / full scan) */
  fullScan: boolean;
  /** Rows in the table it reads, by the server's statistics, when known (a filtered scan returns fewer) */
  tableRows: number | null;
  children: PlanNode[];
}

export interface Plan {
  /** "PostgreSQL", "MySQL", "SQLite" */
  product: string;
  analyzed: boolean;
  roots: PlanNode[];
  planningMs: number | null;
  executionMs: number | null;
}

export function planNode(fields: Partial<PlanNode> & Pick<PlanNode, 'operation'>): PlanNode {
  return {
    relation: null,
    table: null,
    index: null,
    detail: null,
    cost: null,
    selfCost: null,
    estimatedRows: null,
    actualRows: null,
    loops: null,
    totalMs: null,
    selfMs: null,
    fullScan: false,
    tableRows: null,
    children: [],
    ...fields,
  };
}

export function* walkPlan(nodes: readonly PlanNode[]): Generator<PlanNode> {
  for (const node of nodes) {
    yield node;
    yield* walkPlan(node.children);
  }
}

/** What is left of a node's inclusive figure once its children's are taken out (never below 0). */
export function exclusive(
  total: number | null,
  children: readonly PlanNode[],
  childTotal: (child: PlanNode) => number | null,
): number | null {
  if (total === null) return null;
  const under = children.reduce((sum, child) => sum + (childTotal(child) ?? 0), 0);
  return Math.max(0, total - under);
}
