// The SQL a plan will send, read before anything runs: shown to the user (popx shows it) and
// checked for Go template syntax, which Ory's migrator renders (text/template) before sending and
// dsnsh does not, so such a file is refused instead of being sent as written.
import { readMigrationSql } from './execute-file.js';
import type { MigrationPlan } from './plan-migrations.js';

export type PlanContents = { ok: true; contents: string[] } | { ok: false; error: string };

export function templateProblem(file: string, sql: string): string | null {
  if (!sql.includes('{{')) return null;
  return `${file} uses Go template syntax ({{ … }}), which Ory's migrator renders before sending it and dsnsh does not; nothing was changed: run the service's migrate sql command for this one`;
}

/** Each step's SQL ('' for a step that only records its version). */
export async function readPlanContents(plan: MigrationPlan): Promise<PlanContents> {
  const contents: string[] = [];
  for (const step of plan.steps) {
    if (step.action === 'record') {
      contents.push('');
      continue;
    }
    let sql: string;
    try {
      sql = await readMigrationSql(step.file.path);
    } catch (error) {
      return { ok: false, error: `cannot read ${step.file.file}: ${error instanceof Error ? error.message : String(error)}` };
    }
    const problem = templateProblem(step.file.file, sql);
    if (problem !== null) return { ok: false, error: problem };
    contents.push(sql);
  }
  return { ok: true, contents };
}
