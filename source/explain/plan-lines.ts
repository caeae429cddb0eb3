// A plan tree as text lines: box-drawing branches, each node's figures, the slowest node and
// sequential scans of large tables marked on the node and said again under the tree (a line
// cut at the terminal's width still leaves the summary).
import { walkPlan, type Plan, type PlanNode } from './plan-tree.js';

/** A full scan expected to read more rows than this is worth an index's look. */
export const LARGE_SCAN_ROWS = 10_000;

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const cost = (value: number) => value.toFixed(2);

function nameOf(node: PlanNode): string {
  // SQLite's detail already names the table and the index.
  if (node.relation !== null && node.operation.split(' ').includes(node.relation)) return node.operation;
  return `${node.operation}${node.relation ? ` on ${node.relation}` : ''}${node.index ? ` using ${node.index}` : ''}`;
}

function figuresOf(node: PlanNode): string {
  const parts: string[] = [];
  if (node.cost !== null) parts.push(`cost ${cost(node.cost)}`);
  if (node.estimatedRows !== null) parts.push(`rows ${count(node.estimatedRows)}`);
  const actual: string[] = [];
  if (node.totalMs !== null) actual.push(ms(node.totalMs));
  if (node.actualRows !== null) actual.push(`${count(node.actualRows)} rows`);
  if (node.loops !== null && node.loops > 1) actual.push(`×${count(node.loops)} loops`);
  if (actual.length > 0) parts.push(`actual ${actual.join(' ')}`);
  return parts.join(' · ');
}

/** The node that cost most by itself: own time with ANALYZE, else own cost; null when no figure or one node. */
export function slowestNode(plan: Plan): PlanNode | null {
  const nodes = [...walkPlan(plan.roots)];
  const figure = (node: PlanNode) => (plan.analyzed ? node.selfMs : node.selfCost) ?? 0;
  if (nodes.length < 2) return null;
  const slowest = nodes.reduce((best, node) => (figure(node) > figure(best) ? node : best));
  return figure(slowest) > 0 ? slowest : null;
}

/** Rows a full scan reads: the table's when known, else what the scan is expected to return. */
const scannedRows = (node: PlanNode) => node.tableRows ?? node.estimatedRows;

export function largeScans(plan: Plan): PlanNode[] {
  return [...walkPlan(plan.roots)].filter((node) => node.fullScan && (scannedRows(node) ?? 0) > LARGE_SCAN_ROWS);
}

export function planTitle(plan: Plan): string {
  const nodes = [...walkPlan(plan.roots)].length;
  return `Plan (${plan.product}${plan.analyzed ? ', ANALYZE: the statement ran' : ', estimated: not run'}) · ${nodes} ${nodes === 1 ? 'step' : 'steps'}`;
}

export function planLines(plan: Plan): string[] {
  const slowest = slowestNode(plan);
  const large = new Set(largeScans(plan));
  const lines: string[] = [];
  const add = (node: PlanNode, lead: string, below: string) => {
    const marks = [node === slowest ? '[slowest]' : '', large.has(node) ? '[seq scan: large table]' : ''].filter(Boolean).join(' ');
    const figures = figuresOf(node);
    lines.push([`${lead}${nameOf(node)}`, marks, figures, node.detail ? `(${node.detail})` : ''].filter(Boolean).join('  '));
    node.children.forEach((child, index) => {
      const last = index === node.children.length - 1;
      add(child, `${below}${last ? '└─ ' : '├─ '}`, `${below}${last ? '   ' : '│  '}`);
    });
  };
  for (const root of plan.roots) add(root, '', '');
  return [...lines, '', ...summaryLines(plan, slowest, [...large])];
}

function summaryLines(plan: Plan, slowest: PlanNode | null, large: PlanNode[]): string[] {
  const lines: string[] = [];
  if (slowest !== null) {
    lines.push(
      plan.analyzed
        ? `slowest: ${nameOf(slowest)}, ${ms(slowest.selfMs ?? 0)} of its own${plan.executionMs !== null ? ` (of ${ms(plan.executionMs)} in all)` : ''}`
        : `slowest (by the optimiser's cost): ${nameOf(slowest)}, cost ${cost(slowest.selfCost ?? 0)} of its own`,
    );
  } else if (![...walkPlan(plan.roots)].some((node) => node.selfCost !== null || node.selfMs !== null)) {
    lines.push(`no cost or time per step in this plan from ${plan.product}: no slowest step to mark`);
  }
  for (const node of large)
    lines.push(
      `sequential scan of a large table: ${node.relation ?? nameOf(node)}, ~${count(scannedRows(node) ?? 0)} rows (over ${count(LARGE_SCAN_ROWS)}): an index on the filtered columns may help`,
    );
  const unsized = [...walkPlan(plan.roots)].filter((node) => node.fullScan && scannedRows(node) === null);
  if (unsized.length > 0)
    lines.push(`full scans (no row estimate from ${plan.product}): ${unsized.map((node) => node.relation ?? nameOf(node)).join(', ')}`);
  const timing = [
    plan.planningMs !== null ? `planning ${ms(plan.planningMs)}` : '',
    plan.executionMs !== null ? `execution ${ms(plan.executionMs)}` : '',
  ].filter(Boolean);
  if (timing.length > 0) lines.push(timing.join(' · '));
  return lines;
}
