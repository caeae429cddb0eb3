// From the command line's target to a parsed DSN, using the shared resolution order.
import type { ParsedDsn } from '../dsn/types.js';
import { parseDsn } from '../dsn/parse-dsn.js';
import { ProfileStore } from '../profiles/profile-store.js';
import { resolveTarget } from '../profiles/resolve-target.js';
import type { ResolvedTarget } from '../profiles/target.js';

export interface TargetChoice {
  positional: string | undefined;
  dsnOption: string | undefined;
}

export async function resolveAndParse(choice: TargetChoice, env: NodeJS.ProcessEnv = process.env): Promise<{ target: ResolvedTarget; dsn: ParsedDsn }> {
  const target = await resolveChoice(choice, env);
  return { target, dsn: parseDsn(target.dsn) };
}

/** The target without parsing its DSN (the console reports a DSN that does not parse itself). */
export function resolveChoice(choice: TargetChoice, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedTarget> {
  let store: ProfileStore | undefined;
  return resolveTarget({
    positional: choice.positional,
    dsnOption: choice.dsnOption,
    env,
    store: () => (store ??= new ProfileStore()),
  });
}
