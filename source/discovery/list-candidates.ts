// Processes visible here whose DSN dsnsh could use with --pid: those with a DSN variable in their
// environment (a debug container sharing the pod's process namespace sees the service as pid 1)
// and Ory services started with a config file. Read only when no DSN was found anywhere.
import { readdirSync, readFileSync } from 'node:fs';
import { configFlags, programName } from './config-flags.js';
import { dsnVariable } from './dsn-variable.js';
import { processLabel } from './process-label.js';
import { PROC, parseEnviron, splitNul } from './read-process.js';

export interface Candidate {
  pid: number;
  /** "kratos serve" */
  label: string;
  /** What makes it a candidate */
  via: 'environment' | 'config';
}

export interface CandidateScan {
  candidates: Candidate[];
  /** Processes whose environment could not be read (another user's, without CAP_SYS_PTRACE) */
  unreadable: number;
}

const ORY_PROGRAMS = new Set(['kratos', 'hydra', 'keto']);
const LIMIT = 20;

/** dsnsh itself (the CLI, its workers, npx) carries the DSN it was given: never a candidate. */
function isDsnsh(argv: string[]): boolean {
  return argv.some((arg) => /(^|\/)dsnsh(\/|$)|\/dist\/cli\.js$|-worker\.cjs$/.test(arg));
}

export function listCandidates(proc = PROC, self = process.pid): CandidateScan {
  let names: string[];
  try {
    names = readdirSync(proc);
  } catch {
    return { candidates: [], unreadable: 0 };
  }
  const candidates: Candidate[] = [];
  let unreadable = 0;
  for (const name of names) {
    if (!/^[1-9][0-9]*$/.test(name) || Number(name) === self) continue;
    let argv: string[];
    let env: Array<[string, string]>;
    try {
      argv = splitNul(readFileSync(`${proc}/${name}/cmdline`, 'utf8'));
      if (argv.length === 0) continue;
      env = parseEnviron(readFileSync(`${proc}/${name}/environ`, 'utf8'));
    } catch (error) {
      if (error && typeof error === 'object' && 'code' in error && error.code === 'EACCES') unreadable += 1;
      continue;
    }
    if (isDsnsh(argv)) continue;
    const variable = dsnVariable(env);
    const ory = ORY_PROGRAMS.has(programName(argv)) && configFlags(argv, new Map(env)).files.length > 0;
    if ((variable === null || variable.value === '') && !ory) continue;
    candidates.push({
      pid: Number(name),
      label: processLabel(argv),
      via: variable !== null && variable.value !== '' ? 'environment' : 'config',
    });
  }
  candidates.sort((a, b) => a.pid - b.pid);
  return { candidates: candidates.slice(0, LIMIT), unreadable };
}

/** "kratos serve (pid 1): dsnsh --pid 1" lines, or null when there are none. */
export function candidateHint(scan: CandidateScan): string | null {
  if (scan.candidates.length === 0) return null;
  const listed = scan.candidates.map((c) => `${c.label} (pid ${c.pid})`).join(', ');
  return `no DSN given; processes with a DSN are visible: ${listed}; use dsnsh --pid ${scan.candidates[0]!.pid}`;
}
