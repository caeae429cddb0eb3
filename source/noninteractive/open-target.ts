// From the command line's target to a parsed DSN, using the shared resolution order.
import type { ParsedDsn } from '../dsn/types.js';
import { ProfileStore } from '../profiles/profile-store.js';
import { parseTarget, resolveTarget } from '../profiles/resolve-target.js';
import type { ResolvedTarget } from '../profiles/target.js';

export interface TargetChoice {
  positional: string | undefined;
  dsnOption: string | undefined;
  /** --pid PID */
  pid?: string | undefined;
  /** --config FILE (repeatable) */
  configFiles?: string[] | undefined;
}

/** The options every command that takes a TARGET accepts (node:util parseArgs form). */
export const TARGET_OPTIONS = {
  dsn: { type: 'string' },
  pid: { type: 'string' },
  config: { type: 'string', multiple: true },
} as const;

export function targetChoice(
  positional: string | undefined,
  values: { dsn?: string | undefined; pid?: string | undefined; config?: string[] | undefined },
): TargetChoice {
  return { positional, dsnOption: values.dsn, pid: values.pid, configFiles: values.config };
}

export async function resolveAndParse(
  choice: TargetChoice,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ target: ResolvedTarget; dsn: ParsedDsn }> {
  const target = await resolveChoice(choice, env);
  return { target, dsn: parseTarget(target) };
}

/** The target without parsing its DSN (the console reports a DSN that does not parse itself). */
export function resolveChoice(choice: TargetChoice, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedTarget> {
  let store: ProfileStore | undefined;
  return resolveTarget({
    positional: choice.positional,
    dsnOption: choice.dsnOption,
    pid: choice.pid,
    configFiles: choice.configFiles,
    env,
    store: () => (store ??= new ProfileStore()),
  });
}
