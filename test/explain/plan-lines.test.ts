// Plans captured from the local PostgreSQL 15, MariaDB 10.11 and SQLite (test/fixtures/explain)
// drawn as trees, with the slowest step and large sequential scans marked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMysqlPlan } from '../../source/explain/mysql-plan.js';
import { LARGE_SCAN_ROWS, largeScans, planLines, planTitle, slowestNode } from '../../source/explain/plan-lines.js';
import { fullyScannedTables, parsePostgresPlan, withTableRows } from '../../source/explain/postgres-plan.js';
import { parseSqlitePlan } from '../../source/explain/sqlite-plan.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/explain/${name}`, import.meta.url), 'utf8');

describe('PostgreSQL EXPLAIN (FORMAT JSON)', () => {
  it('draws the tree with cost and estimated rows, the costliest step and the large seq scan marked', () => {
    const plan = parsePostgresPlan(fixture('postgres-join.json'));
    expect(plan.analyzed).toBe(false);
    expect(planTitle(plan)).toBe('Plan (PostgreSQL, estimated: not run) · 6 steps');
    const lines = planLines(plan);
    expect(lines.slice(0, 6)).toEqual([
      'Sort  cost 930.67 · rows 99  (sort key: (count(*)) DESC)',
      '└─ Aggregate (Hashed)  cost 927.14 · rows 99  (group key: u.name)',
      '   └─ Hash Join  cost 913.78 · rows 2,475  (hash cond: (o.user_id = u.id))',
      '      ├─ Seq Scan on explain_fx_orders o  [slowest] [seq scan: large table]  cost 771.00 · rows 50,000',
      '      └─ Hash  cost 10.01 · rows 99',
      '         └─ Index Scan on explain_fx_users u using explain_fx_users_pkey  cost 10.01 · rows 99  (index cond: (id < 100))',
    ]);
    expect(lines).toContain("slowest (by the optimiser's cost): Seq Scan on explain_fx_orders o, cost 771.00 of its own");
    expect(lines).toContain(
      'sequential scan of a large table: explain_fx_orders o, ~50,000 rows (over 10,000): an index on the filtered columns may help',
    );
  });

  it('with ANALYZE: actual time and rows per step; the slowest by its own time', () => {
    const plan = parsePostgresPlan(fixture('postgres-join-analyze.json'));
    expect(plan.analyzed).toBe(true);
    const lines = planLines(plan);
    expect(lines[0]).toBe('Sort  cost 930.67 · rows 99 · actual 9.85 ms 99 rows  (sort key: (count(*)) DESC)');
    expect(lines[3]).toBe(
      '      ├─ Seq Scan on explain_fx_orders o  [slowest] [seq scan: large table]  cost 771.00 · rows 50,000 · actual 7.01 ms 50,000 rows',
    );
    // own time: the hash join's 9.51 ms less its children's 7.01 + 0.03
    const slowest = slowestNode(plan);
    expect(slowest?.relation).toBe('explain_fx_orders o');
    expect(slowest?.selfMs).toBeCloseTo(7.015, 3);
    expect(plan.roots[0]?.children[0]?.children[0]?.selfMs).toBeCloseTo(9.514 - 7.015 - 0.033, 3);
    expect(lines).toContain('slowest: Seq Scan on explain_fx_orders o, 7.01 ms of its own (of 9.98 ms in all)');
    expect(lines.at(-1)).toBe('planning 0.53 ms · execution 9.98 ms');
  });

  it('a scan under the threshold is not called large', () => {
    const plan = parsePostgresPlan([
      { Plan: { 'Node Type': 'Seq Scan', 'Relation Name': 't', Alias: 't', 'Total Cost': 35.5, 'Plan Rows': LARGE_SCAN_ROWS } },
    ]);
    expect(largeScans(plan)).toEqual([]);
    expect(planLines(plan)[0]).toBe('Seq Scan on t  cost 35.50 · rows 10,000');
  });

  it('a document without a plan is a clear error', () => {
    expect(() => parsePostgresPlan('[{}]')).toThrow('PostgreSQL returned no plan');
  });
});

describe('MariaDB EXPLAIN / ANALYZE FORMAT=JSON', () => {
  it('draws blocks, operations and tables (access type, index, condition); no cost from 10.11', () => {
    const lines = planLines(parseMysqlPlan(fixture('mariadb-join.json')));
    expect(lines.slice(0, 6)).toEqual([
      'Query block #1',
      '└─ Sort (filesort)  (count(0) desc)',
      '   └─ Temporary table',
      '      └─ Nested loop',
      '         ├─ Full table scan (ALL) on u  rows 2,000',
      '         └─ Index lookup (ref) on o using user_id  rows 12  (o.amount > 10)',
    ]);
    expect(lines).toContain('no cost or time per step in this plan from MySQL/MariaDB: no slowest step to mark');
  });

  it('with ANALYZE: rows per loop, loops and the time in each table; the slowest marked', () => {
    const plan = parseMysqlPlan(fixture('mariadb-join-analyze.json'));
    expect(plan.analyzed).toBe(true);
    const lines = planLines(plan);
    expect(lines[5]).toBe(
      '         └─ Index lookup (ref) on o using user_id  [slowest]  rows 12 · actual 86.6 ms 25 rows ×2,000 loops  (o.amount > 10)',
    );
    expect(lines[4]).toBe('         ├─ Full table scan (ALL) on u  rows 2,000 · actual 0.46 ms 2,000 rows');
    expect(lines).toContain('slowest: Index lookup (ref) on o using user_id, 86.6 ms of its own (of 87.3 ms in all)');
  });

  it("MySQL's string costs are read as numbers; a large full scan is marked", () => {
    const plan = parseMysqlPlan({
      query_block: {
        select_id: 1,
        cost_info: { query_cost: '5120.25' },
        table: {
          table_name: 'big',
          access_type: 'ALL',
          rows_examined_per_scan: 50_000,
          cost_info: { read_cost: '120.25', eval_cost: '5000.00', prefix_cost: '5120.25' },
        },
      },
    });
    expect(planLines(plan)[1]).toBe('└─ Full table scan (ALL) on big  [slowest] [seq scan: large table]  cost 5120.25 · rows 50,000');
  });
});

describe('SQLite EXPLAIN QUERY PLAN', () => {
  it('nests the steps by parent; full scans named though SQLite gives no row estimate', () => {
    const plan = parseSqlitePlan(JSON.parse(fixture('sqlite-join.json')));
    const lines = planLines(plan);
    expect(lines.slice(0, 6)).toEqual([
      'SEARCH u USING INTEGER PRIMARY KEY (rowid=?)',
      'LIST SUBQUERY 1',
      '└─ SCAN orders',
      'SEARCH o USING INDEX orders_user (user_id=?)',
      'USE TEMP B-TREE FOR GROUP BY',
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
    expect(lines).toContain('full scans (no row estimate from SQLite): orders');
    expect(slowestNode(plan)).toBeNull();
  });
});

describe('PostgreSQL writes', () => {
  it('names ModifyTable by its operation, as the text format does ("Delete on …")', () => {
    const lines = planLines(parsePostgresPlan(fixture('postgres-delete.json')));
    expect(lines[0]).toMatch(/^Delete on explain_fx_orders o?\s*cost [\d.]+ · rows 0$/);
    expect(lines[1]).toBe('└─ Seq Scan on explain_fx_orders  [slowest]  cost 896.00 · rows 25  (filter: (user_id = 5))');
  });

  it("a filtered scan returns few rows of a large table: with the table's size from the statistics it is marked", () => {
    const plan = parsePostgresPlan(fixture('postgres-delete.json'));
    expect(fullyScannedTables(plan)).toEqual(['explain_fx_orders']);
    const sized = withTableRows(plan, new Map([['explain_fx_orders', 50_000]]));
    const lines = planLines(sized);
    expect(lines[1]).toBe(
      '└─ Seq Scan on explain_fx_orders  [slowest] [seq scan: large table]  cost 896.00 · rows 25  (filter: (user_id = 5))',
    );
    expect(lines).toContain(
      'sequential scan of a large table: explain_fx_orders, ~50,000 rows (over 10,000): an index on the filtered columns may help',
    );
    // -1: never analysed, size unknown
    expect(largeScans(withTableRows(plan, new Map([['explain_fx_orders', -1]])))).toEqual([]);
  });
});
