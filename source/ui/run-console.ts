// The interactive console's entry point (cli.tsx imports this only on a TTY).
import type { ConsoleOptions } from './start-console.js';

export type { ConsoleOptions } from './start-console.js';

export async function runConsole(options: ConsoleOptions): Promise<number> {
  // React picks its build at run time from NODE_ENV; unset, it loads the development build,
  // which starts and renders several times slower. Settle it before React is first evaluated.
  process.env.NODE_ENV ??= 'production';
  const { startConsole } = await import('./start-console.js');
  return startConsole(options);
}
