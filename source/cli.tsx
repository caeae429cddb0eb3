#!/usr/bin/env node
// argv → mode. Commands and non-TTY use go to noninteractive/ and never load Ink or React;
// only an interactive session on a TTY loads ui/ (by the dynamic import below, its own chunk).
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
      const { runConsole } = await import('./ui/run-console.js');
      return runConsole(options);
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected failures are handled by each command; reaching here is a bug in dsnsh.
    process.stderr.write(`dsnsh: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
