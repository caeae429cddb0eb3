// `\explain [analyze] SQL` on the user's own session (as a statement runs: a transaction, SET and
// max_conns=1 hold), answered as the plan tree in an info outcome.
import type { Session, StatementResult } from '../../adapters/adapter.js';
import { AdapterError } from '../../adapters/adapter-error.js';
import { explainStatement } from '../../explain/explain-statement.js';
import { parseMysqlPlan } from '../../explain/mysql-plan.js';
import { planLines, planTitle } from '../../explain/plan-lines.js';
import type { Plan } from '../../explain/plan-tree.js';
import { fullyScannedTables, parsePostgresPlan, tableSizesStatement, withTableRows } from '../../explain/postgres-plan.js';
import { parseSqlitePlan } from '../../explain/sqlite-plan.js';
import type { SqlDialect } from '../../sql/dialect.js';
import type { Outcome } from './outcome.js';

function planOf(result: StatementResult, dialect: SqlDialect): Plan {
  if (dialect !== 'sqlite') {
    const document = result.rows[0]?.[0];
    return dialect === 'postgres' ? parsePostgresPlan(document) : parseMysqlPlan(document);
  }
  const at = (name: string) => result.columns.findIndex((column) => column.name === name);
  const [id, parent, detail] = [at('id'), at('parent'), at('detail')];
  return parseSqlitePlan(
    result.rows.map((row) => ({ id: Number(row[id]), parent: Number(row[parent]), detail: String(row[detail] ?? '') })),
  );
}

/** PostgreSQL's plan gives a scan's rows after its filter: the tables' sizes come from the statistics. */
async function withSizes(session: Session, plan: Plan, signal: AbortSignal): Promise<Plan> {
  const tables = fullyScannedTables(plan);
  if (tables.length === 0) return plan;
  try {
    const result = await session.run(tableSizesStatement(tables.length), { signal, params: tables });
    return withTableRows(plan, new Map(result.rows.map((row) => [String(row[0]), Number(row[1])])));
  } catch {
    // Only the large-scan mark depends on it; the plan itself is shown regardless.
    return plan;
  }
}

/** `label`: the command as typed, kept with the plan in the scrollback (it says the statement was explained, not run). */
export async function explainOutcome(
  session: Session,
  sql: string,
  analyze: boolean,
  dialect: SqlDialect,
  signal: AbortSignal,
  label: string,
): Promise<Outcome> {
  const request = explainStatement(sql, analyze, dialect);
  if (!request.ok) return { kind: 'error', message: request.message, hint: request.hint, statement: label, position: null };
  let result: StatementResult;
  try {
    result = await session.run(request.sql, { signal });
  } catch (error) {
    if (signal.aborted) return { kind: 'error', message: 'Statement cancelled.', hint: null, statement: label, position: null };
    if (!(error instanceof AdapterError)) throw error;
    // The server's position counts from EXPLAIN's first character: mark it in the command as typed.
    const typedAt = label.indexOf(sql);
    const position =
      error.position === null || error.position <= request.offset || typedAt < 0
        ? null
        : error.position - request.offset + request.start + typedAt;
    return { kind: 'error', message: error.message, hint: error.hint, statement: label, position, cause: error };
  }
  let plan: Plan;
  try {
    plan = planOf(result, dialect);
  } catch (error) {
    return {
      kind: 'error',
      message: `Could not read the plan the server returned: ${error instanceof Error ? error.message : String(error)}`,
      hint: 'Run the EXPLAIN yourself to see its raw output.',
      statement: label,
      position: null,
    };
  }
  if (dialect === 'postgres') plan = await withSizes(session, plan, signal);
  return { kind: 'info', title: planTitle(plan), lines: planLines(plan), statement: label };
}
