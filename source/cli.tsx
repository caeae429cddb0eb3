#!/usr/bin/env node
// argv → mode. Commands and non-TTY use go to noninteractive/ and never load Ink or React;
// only an interactive session on a TTY loads ui/ (by the dynamic import below, its own chunk).
import './compile-cache.js';
import { interruptExitCode, wasInterrupted } from './session/interrupt.js';
import { hideArgumentSecrets } from './noninteractive/process-title.js';

// First of all: `ps` shows a DSN's password from here on as *** (README: Passwords).
hideArgumentSecrets(process.argv.slice(2));

type CommandModule = { run(args: string[]): Promise<number> };

const commands: Record<string, () => Promise<CommandModule>> = {
  dsn: () => import('./noninteractive/dsn-command.js'),
  profile: () => import('./noninteractive/profile-command.js'),
  doctor: () => import('./noninteractive/doctor-command.js'),
  migrate: () => import('./noninteractive/migrate-command.js'),
  sessions: () => import('./noninteractive/sessions-command.js'),
  locks: () => import('./noninteractive/locks-command.js'),
  ory: () => import('./noninteractive/ory-command.js'),
};

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const command = first === undefined ? undefined : commands[first];
  if (command) return (await command()).run(rest);
  const { prepareRun, runNonInteractive, wantsConsole } = await import('./noninteractive/run-command.js');
  const request = await prepareRun(argv);
  if (typeof request === 'number') return request;
  // No SQL given on a terminal: the console. A DSN that does not parse still opens it: it shows
  // the error with its hint and the profile switcher (memory is always there), rather than ending.
  if (!wantsConsole(request)) return runNonInteractive(request);
  // The console owns the terminal and its own crash handling (restoring the screen first).
  process.off('uncaughtException', internalError);
  process.off('unhandledRejection', internalError);
  const options = { target: request.target, readOnly: request.readOnly, plain: request.plain };
  if (request.plain) {
    // TERM=dumb or --plain: a line-mode console, no Ink loaded.
    const { runLineConsole } = await import('./ui/line-console/run-line-console.js');
    return runLineConsole(options);
  }
  const { runConsole } = await import('./ui/run-console.js');
  return runConsole(options);
}

function internalError(error: unknown): void {
  // Expected failures are handled by each command; reaching here is a bug in dsnsh. One line, no
  // stack; a failure while cancelling after Ctrl+C still ends as an interruption.
  process.stderr.write(`dsnsh: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(wasInterrupted() ? interruptExitCode() : 70);
}

process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Everything is closed by now; a handle a driver forgot must not keep the process alive.
  setTimeout(() => process.exit(code), 3000).unref();
}, internalError);
