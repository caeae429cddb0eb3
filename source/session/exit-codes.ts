// The exit codes of every command (documented in the README and `dsnsh --help`).
export const EXIT = {
  ok: 0,
  /** a statement failed */
  statement: 1,
  /** bad usage, a DSN that does not parse, an unknown profile */
  usage: 2,
  /** cannot connect (network, authentication, TLS, missing driver) */
  connection: 3,
  /** interrupted with Ctrl+C / SIGINT */
  interrupted: 130,
  /** ended by SIGHUP (the terminal closed) */
  hungUp: 129,
  /** ended by SIGQUIT */
  quit: 131,
  /** ended by SIGTERM (kill, a pod being stopped) */
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
