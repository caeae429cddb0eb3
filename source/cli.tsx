#!/usr/bin/env node
// argv → mode. Commands and non-TTY use go to noninteractive/ and never load Ink or React;
// only an interactive session on a TTY loads ui/ (by the dynamic import below, its own chunk).
import { wasInterrupted } from './noninteractive/interrupt.js';

type CommandModule = { run(args: string[]): Promise<number> };

const commands: Record<string, () => Promise<CommandModule>> = {
  dsn: () => import('./noninteractive/dsn-command.js'),
  profile: () => import('./noninteractive/profile-command.js'),
  doctor: () => import('./noninteractive/doctor-command.js'),
  migrate: () => import('./noninteractive/migrate-command.js'),
};

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const command = first === undefined ? undefined : commands[first];
  if (command) return (await command()).run(rest);
  const { run } = await import('./noninteractive/run-command.js');
  return run(argv, {
    openConsole: async (options) => {
      // The console owns the terminal and its own crash handling (restoring the screen first).
      process.off('uncaughtException', internalError);
      process.off('unhandledRejection', internalError);
      const { runConsole } = await import('./ui/run-console.js');
      return runConsole(options);
    },
  });
}

function internalError(error: unknown): void {
  // Expected failures are handled by each command; reaching here is a bug in dsnsh. One line, no
  // stack; a failure while cancelling after Ctrl+C still ends as an interruption.
  process.stderr.write(`dsnsh: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(wasInterrupted() ? 130 : 70);
}

process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Everything is closed by now; a handle a driver forgot must not keep the process alive.
    setTimeout(() => process.exit(code), 3000).unref();
  },
  internalError,
);
