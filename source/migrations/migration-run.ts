// One migration run on one session: the run lock, the bookkeeping table, and each migration in its
// own transaction when the backend has transactional DDL and the file is not `.autocommit`, its
// version recorded with it. Results, never throws for a migration's own failure.
import type { Adapter, Session } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import { classifyStatements } from '../sql/classify-statement.js';
import { appliedAs } from './compute-status.js';
import { dialectSql, type DialectSql } from './dialect-sql.js';
import { executeFile, readMigrationSql, type StatementFailure } from './execute-file.js';
import { migrationDialectOf } from './migration-dialect.js';
import { templateProblem } from './plan-contents.js';
import {
  appliedVersionsQuery,
  createTableStatements,
  forgetVersionStatement,
  recordVersionStatement,
  upgradeLegacyTableStatements,
} from './migration-table.js';
import type { MigrationPlan, PlanStep } from './plan-migrations.js';
import { readToolTableColumns } from './read-applied.js';
import { acquireRunLock, beginTransaction, releaseRunLock } from './run-lock.js';
import { ORY_TABLE } from './tool-tables.js';

export type StepStatus = 'applied' | 'reverted' | 'recorded' | 'skipped' | 'failed' | 'not-run';

export interface StepResult {
  version: string;
  name: string;
  file: string;
  status: StepStatus;
  /** Ran inside a transaction */
  transactional: boolean;
  /** Only comments (popx's empty-file rule): nothing was sent */
  empty: boolean;
  /** Sent as one string, as popx sends a file it runs without a transaction */
  oneString: boolean;
}

export interface MigrationFailure {
  version: string | null;
  file: string | null;
  /** The failing statement, when known */
  statement: string | null;
  /** 1-based line of that statement in the file */
  line: number | null;
  /** The server's (or driver's) message */
  message: string;
  code: string | null;
  /** What the error was: a statement the server rejected, or the connection */
  kind: 'statement' | 'connection' | 'lock' | 'file';
  /** Whether statements of the failing migration stayed applied */
  partial: 'none' | 'some' | 'unknown';
  /** How many stayed applied, when `partial` is 'some' */
  partialStatements: number;
  /** The failing file was sent as one string */
  oneString: boolean;
}

export type ProgressEvent =
  | { type: 'waiting-for-lock'; message: string }
  | { type: 'warning'; message: string }
  | { type: 'table'; action: 'create' | 'upgrade-legacy' }
  | { type: 'step-start'; step: PlanStep; transactional: boolean }
  | { type: 'step-done'; result: StepResult };

export interface ApplyOptions {
  onProgress?: (event: ProgressEvent) => void;
  /** Aborting cancels the running statement on the server; no further migration starts. */
  signal?: AbortSignal;
}

const CONNECTION_KINDS = new Set(['connect', 'auth', 'tls', 'timeout', 'driver-unavailable']);

export function failureFrom(error: unknown, context: Partial<MigrationFailure>): MigrationFailure {
  const adapterError = error instanceof AdapterError ? error : null;
  return {
    version: null,
    file: null,
    statement: null,
    line: null,
    partial: 'none',
    partialStatements: 0,
    oneString: false,
    message: error instanceof Error ? error.message : String(error),
    code: adapterError?.code ?? null,
    kind: adapterError && CONNECTION_KINDS.has(adapterError.kind) ? 'connection' : 'statement',
    ...context,
  };
}

async function readRecorded(session: Session): Promise<Set<string>> {
  const rows = (await session.run(appliedVersionsQuery())).rows;
  return new Set(rows.map((r) => String(r[0]).trim()));
}

export class MigrationRun {
  readonly results: StepResult[] = [];
  readonly sql: DialectSql;

  constructor(
    private readonly adapter: Adapter,
    readonly session: Session,
    private readonly plan: MigrationPlan,
    private readonly options: ApplyOptions,
  ) {
    this.sql = dialectSql(migrationDialectOf(adapter.backend));
  }

  private async rollbackQuietly(): Promise<void> {
    if (this.session.transactionState() !== 'idle') await this.session.run('ROLLBACK').catch(() => undefined);
  }

  /** Returns a failure when the lock could not be had. */
  async lock(): Promise<MigrationFailure | null> {
    if (this.sql.lockWarning !== null) this.options.onProgress?.({ type: 'warning', message: this.sql.lockWarning });
    const ok = await acquireRunLock(this.session, this.sql, (message) => this.options.onProgress?.({ type: 'waiting-for-lock', message }));
    return ok
      ? null
      : failureFrom(new Error('another migration run held the lock for an hour; try again when it has finished'), { kind: 'lock' });
  }

  private async begin(): Promise<void> {
    await beginTransaction(this.session, this.sql, (message) => this.options.onProgress?.({ type: 'waiting-for-lock', message }));
  }

  async unlock(): Promise<void> {
    await releaseRunLock(this.session, this.sql);
  }

  /** Creates or upgrades the table under the lock (another runner may have done it meanwhile). */
  async prepareTable(): Promise<void> {
    if (this.plan.direction !== 'up' || this.plan.steps.length === 0) return;
    const inTransaction = this.adapter.capabilities.transactionalDdl || this.sql.lock.kind === 'write-transaction';
    if (inTransaction) await this.begin();
    try {
      const columns = (await readToolTableColumns(this.session, migrationDialectOf(this.adapter.backend))).get(ORY_TABLE);
      const action = columns === undefined ? 'create' : columns.has('version_self') ? null : 'upgrade-legacy';
      if (action !== null) {
        this.options.onProgress?.({ type: 'table', action });
        const statements = action === 'create' ? createTableStatements() : upgradeLegacyTableStatements(this.sql);
        for (const statement of statements) await this.session.run(statement);
      }
      if (inTransaction) await this.session.run('COMMIT');
    } catch (error) {
      await this.rollbackQuietly();
      throw error;
    }
  }

  private isDone(step: PlanStep, recorded: Set<string>): boolean {
    if (this.plan.direction === 'down') return !recorded.has(step.version);
    return step.action === 'run' ? appliedAs(step.version, recorded) !== null : recorded.has(step.version);
  }

  result(step: PlanStep, status: StepStatus, how: { transactional: boolean; empty?: boolean; oneString?: boolean }): StepResult {
    const result = {
      version: step.version,
      name: step.name,
      file: step.file.file,
      status,
      transactional: how.transactional,
      empty: how.empty ?? false,
      oneString: how.oneString ?? false,
    };
    this.results.push(result);
    this.options.onProgress?.({ type: 'step-done', result });
    return result;
  }

  /** What stayed applied of a file that failed outside a transaction. */
  private partialOf(sql: string, failure: StatementFailure, oneString: boolean): Pick<MigrationFailure, 'partial' | 'partialStatements'> {
    if (oneString) {
      // One implicit transaction, unless the file itself commits.
      const commitsItself = classifyStatements(sql, this.adapter.backend).some((s) => s.transaction !== null);
      return { partial: commitsItself ? 'unknown' : 'none', partialStatements: 0 };
    }
    if (failure.completed === null) return { partial: 'unknown', partialStatements: 0 };
    return failure.completed > 0 ? { partial: 'some', partialStatements: failure.completed } : { partial: 'none', partialStatements: 0 };
  }

  /** One migration; returns a failure or null. */
  async step(step: PlanStep): Promise<MigrationFailure | null> {
    const { direction } = this.plan;
    const context = { version: step.version, file: step.file.file };
    let sql = '';
    if (step.action === 'run') {
      try {
        sql = await readMigrationSql(step.file.path);
      } catch (error) {
        this.result(step, 'failed', { transactional: false });
        return failureFrom(error, { ...context, kind: 'file' });
      }
      const template = templateProblem(step.file.file, sql);
      if (template !== null) {
        this.result(step, 'failed', { transactional: false });
        return failureFrom(new Error(template), { ...context, kind: 'file' });
      }
    }
    const transactional = this.adapter.capabilities.transactionalDdl && !step.file.autocommit && step.action === 'run';
    // popx sends a file it runs outside a transaction as one string; where that string is one
    // implicit transaction (PostgreSQL, CockroachDB) it must stay one. Elsewhere one string runs
    // exactly as its statements one after the other, which lets a failure name its statement.
    const oneString = step.action === 'run' && !transactional && this.sql.oneStringIsOneTransaction;
    // With SQLite's write lock, the "already done?" check must happen inside a write transaction.
    const checkInTransaction = transactional || this.sql.lock.kind === 'write-transaction';
    this.options.onProgress?.({ type: 'step-start', step, transactional });
    let empty = false;
    try {
      if (checkInTransaction) await this.begin();
      if (this.isDone(step, await readRecorded(this.session))) {
        if (checkInTransaction) await this.session.run('ROLLBACK');
        this.result(step, 'skipped', { transactional });
        return null;
      }
      if (checkInTransaction && !transactional) await this.session.run('COMMIT'); // an .autocommit file runs outside
      if (step.action === 'run') {
        const outcome = await executeFile(this.session, this.adapter.backend, sql, { signal: this.options.signal, oneString });
        if (!outcome.ok) {
          if (transactional) await this.rollbackQuietly();
          // An .autocommit file under SQLite's write lock runs unlocked: if another runner recorded it
          // meanwhile, its failure here (index already exists, ...) is that runner's success.
          if (checkInTransaction && !transactional && this.isDone(step, await readRecorded(this.session).catch(() => new Set<string>()))) {
            this.result(step, 'skipped', { transactional: false });
            return null;
          }
          this.result(step, 'failed', { transactional, oneString });
          const partial = transactional ? { partial: 'none' as const, partialStatements: 0 } : this.partialOf(sql, outcome, oneString);
          return failureFrom(outcome.error, { ...context, statement: outcome.statement, line: outcome.line, oneString, ...partial });
        }
        empty = outcome.empty;
      }
      await this.session.run(direction === 'up' ? recordVersionStatement(step.version) : forgetVersionStatement(step.version));
      if (transactional) await this.session.run('COMMIT');
    } catch (error) {
      await this.rollbackQuietly();
      this.result(step, 'failed', { transactional, oneString });
      return failureFrom(error, context);
    }
    this.result(step, step.action === 'record' ? 'recorded' : direction === 'up' ? 'applied' : 'reverted', {
      transactional,
      empty,
      oneString: oneString && !empty,
    });
    return null;
  }
}
