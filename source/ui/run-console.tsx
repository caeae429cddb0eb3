// Placeholder until the console lands (issue 4).
import type { ResolvedTarget } from '../profiles/target.js';

export interface ConsoleOptions { target: ResolvedTarget; readOnly: boolean }

export async function runConsole(_options: ConsoleOptions): Promise<number> {
  process.stderr.write('dsnsh: the interactive console is not implemented yet; use -c SQL or pipe SQL on stdin.\n');
  return 2;
}
