// `--pid PID` and `--config FILE` as target sources: the DSN the service uses, where it came
// from, and (for a process) the environment its libpq-style defaults come from.
import { configFlags, isShell } from './config-flags.js';
import { DiscoveryError } from './discovery-error.js';
import { oryDsn, type OryDsn } from './ory-dsn.js';
import { processLabel } from './process-label.js';
import { parsePid, readProcess } from './read-process.js';

/** The environment a DSN is read in, when it is not this process's own (see dsn-environment.ts). */
export interface ProcessEnvironment {
  /** The variables a DSN parser may draw on: PG* (as pgx reads them), HOME and USER */
  env: Record<string, string>;
  /** Host path of the process's root (/proc/PID/root): its ~/.pgpass and certificates are read there */
  root: string;
  /** Its working directory inside that root */
  cwd: string;
  uid: number | null;
  /** "pid 1 (kratos serve)" */
  label: string;
}

export interface DiscoveredTarget extends OryDsn {
  /** "kratos serve (pid 1)" */
  label: string;
  environment: ProcessEnvironment | null;
}

const DEFAULTS_VARIABLES = /^(PG[A-Z]+|HOME|USER)$/;

export function dsnFromProcess(pidText: string, proc?: string): DiscoveredTarget {
  const pid = parsePid(pidText);
  const info = readProcess(pid, proc);
  const label = processLabel(info.argv);
  const env = new Map(info.env);
  const flags = configFlags(info.argv, env);
  const subject = `pid ${pid} (${label})`;
  let found: OryDsn;
  try {
    found = oryDsn({
      env: info.env,
      files: flags.files,
      location: {
        root: info.root,
        cwd: info.cwd ?? '/',
        owner: flags.from === 'keto-default' ? `pid ${pid}'s default config file` : `pid ${pid}'s --config`,
      },
      envOwner: `pid ${pid}'s environment`,
      subject,
    });
  } catch (error) {
    if (error instanceof DiscoveryError && error.code === 'no_dsn' && isShell(info.argv)) {
      throw new DiscoveryError(
        'no_dsn',
        `${error.message}; it is a shell (its -c is a script, not a config file)`,
        'give the pid of the service the shell started (`ps -e -o pid,ppid,args`)',
      );
    }
    throw error;
  }
  const defaults: Record<string, string> = {};
  for (const [name, value] of info.env) if (DEFAULTS_VARIABLES.test(name)) defaults[name] = value;
  return {
    ...found,
    label: `${label} (pid ${pid})`,
    environment: { env: defaults, root: info.root, cwd: info.cwd ?? '/', uid: info.uid, label: subject },
  };
}

/** `--config FILE…` on this machine: the files' dsn unless DSN is set here, as the service would read it. */
export function dsnFromConfigFiles(files: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): DiscoveredTarget {
  const entries = Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const found = oryDsn({
    env: entries,
    files,
    location: { root: '', cwd, owner: '--config' },
    envOwner: 'the environment',
    subject: files.join(', '),
  });
  return { ...found, label: files.at(-1)!, environment: null };
}
