// Applies a plan as popx runs it: one run lock, the bookkeeping table, SQLite's foreign keys off
// for the run (back on afterwards, on every path, then `PRAGMA foreign_key_check`), each
// migration in turn, stopping at the first failure. Returns results (kysely's migrator spirit)
// instead of throwing.
import type { Adapter, Session } from '../adapters/adapter.js';
import { AdapterError } from '../adapters/adapter-error.js';
import { checkForeignKeys, restoreForeignKeys, suspendForeignKeys, type ForeignKeyViolation } from './foreign-keys-off.js';
import { failureFrom, MigrationRun, type ApplyOptions, type MigrationFailure, type StepResult } from './migration-run.js';
import type { MigrationPlan } from './plan-migrations.js';

export type { ApplyOptions, MigrationFailure, ProgressEvent, StepResult, StepStatus } from './migration-run.js';
export type { ForeignKeyViolation } from './foreign-keys-off.js';

export interface MigrationRunResult {
  direction: MigrationPlan['direction'];
  results: StepResult[];
  failure: MigrationFailure | null;
  /** SQLite: what `PRAGMA foreign_key_check` found after the run; null elsewhere or when it could not run */
  foreignKeyViolations: ForeignKeyViolation[] | null;
  /** Things that went wrong after the migrations themselves (foreign keys not restored, …) */
  warnings: string[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function applyMigrations(adapter: Adapter, plan: MigrationPlan, options: ApplyOptions = {}): Promise<MigrationRunResult> {
  const outcome: MigrationRunResult = { direction: plan.direction, results: [], failure: null, foreignKeyViolations: null, warnings: [] };
  if (plan.steps.length === 0) return outcome;
  let session: Session;
  try {
    session = await adapter.session();
  } catch (error) {
    outcome.failure = failureFrom(error, { kind: 'connection' });
    return outcome;
  }
  const run = new MigrationRun(adapter, session, plan, options);
  const foreignKeys = run.sql.foreignKeys;
  outcome.results = run.results;
  let locked = false;
  let restoreForeignKeysOn = false;
  try {
    const lockFailure = await run.lock();
    if (lockFailure) {
      outcome.failure = lockFailure;
      return outcome;
    }
    locked = true;
    await run.prepareTable();
    if (foreignKeys !== null) restoreForeignKeysOn = await suspendForeignKeys(session, foreignKeys);
    for (const step of plan.steps) {
      if (options.signal?.aborted) {
        outcome.failure = failureFrom(new AdapterError('cancelled', adapter.backend, 'interrupted before this migration started'), {
          version: step.version,
          file: step.file.file,
        });
        break;
      }
      outcome.failure = await run.step(step);
      if (outcome.failure) break;
    }
  } catch (error) {
    outcome.failure ??= failureFrom(error, {});
  } finally {
    for (const rest of plan.steps.slice(run.results.length)) {
      run.results.push({
        version: rest.version,
        name: rest.name,
        file: rest.file.file,
        status: 'not-run',
        transactional: false,
        empty: false,
        oneString: false,
      });
    }
    if (restoreForeignKeysOn && foreignKeys !== null) {
      await restoreForeignKeys(session, foreignKeys).catch((error: unknown) => {
        outcome.warnings.push(`could not turn SQLite foreign keys on again on this connection: ${message(error)}`);
      });
    }
    if (foreignKeys !== null && locked) {
      outcome.foreignKeyViolations = await checkForeignKeys(session, foreignKeys).catch((error: unknown) => {
        outcome.warnings.push(`could not run PRAGMA foreign_key_check: ${message(error)}`);
        return null;
      });
    }
    if (locked) await run.unlock();
    await session.release().catch(() => undefined);
  }
  return outcome;
}
