// The `dsn` key of one Ory config file: the parser is chosen by the file's extension exactly as
// Ory's config loader does (.yaml/.yml, .json, .toml; case-sensitive; anything else fails the
// service at start), and the file is read through the process's root when it is another
// process's file.
import { DiscoveryError } from './discovery-error.js';
import { PathInRootError, readInRoot } from './path-in-root.js';
import { readTomlDsn, TomlError } from './toml-dsn.js';
import { readYamlDsn, YamlError } from './yaml-dsn.js';

export interface FileDsn {
  /** The path as the process names it */
  file: string;
  value: string | null;
  line: number | null;
  otherCase: string[];
}

export interface FileLocation {
  /** Host path of the process's root ('' for this process) */
  root: string;
  /** Working directory inside that root, for relative paths */
  cwd: string;
  /** Who names the file, for messages: "pid 1's --config" */
  owner: string;
}

type Format = 'yaml' | 'json' | 'toml';

export function configFormat(path: string): Format | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot === -1 ? '' : base.slice(dot);
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '.toml') return 'toml';
  return null;
}

export function readConfigFileDsn(path: string, where: FileLocation): FileDsn {
  const format = configFormat(path);
  if (format === null) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const ext = base.includes('.') ? base.slice(base.lastIndexOf('.')) : '(none)';
    throw new DiscoveryError(
      'not_ory_config',
      `${path} (${where.owner}) is not an Ory config file: unknown config file extension ${ext}`,
      'Ory reads .yaml, .yml, .json and .toml config files (the extension decides the format, in lower case)',
      path,
    );
  }
  let text: string;
  try {
    text = readInRoot(where.root, path, where.cwd);
  } catch (error) {
    if (error instanceof PathInRootError) {
      const detail = error.at === path || error.at === `/${path}` ? '' : ` (at ${error.at})`;
      const reason = ERRNO[error.errno] ?? error.errno;
      throw new DiscoveryError(
        error.errno === 'EACCES' || error.errno === 'EPERM' ? 'permission' : 'unreadable',
        `cannot read the config file ${path} (${where.owner}): ${reason}${detail}`,
        error.errno === 'EACCES' || error.errno === 'EPERM'
          ? "run dsnsh as the service's user, or with CAP_SYS_PTRACE to read through /proc/PID/root (kubectl debug --profile=general)"
          : "check the path; a relative path is relative to the service's working directory",
        path,
      );
    }
    throw error;
  }
  try {
    const found = format === 'json' ? readJsonDsn(text) : format === 'toml' ? readTomlDsn(text) : readYamlDsn(text);
    return { file: path, ...found };
  } catch (error) {
    if (error instanceof YamlError || error instanceof TomlError || error instanceof JsonConfigError) {
      const at = error.line > 0 ? ` line ${error.line}` : '';
      const code = error instanceof YamlError && /dsnsh (does not|reads)/.test(error.message) ? 'unsupported_yaml' : 'not_ory_config';
      throw new DiscoveryError(
        code,
        `${path}${at} (${where.owner}): ${error.message}`,
        code === 'unsupported_yaml'
          ? 'give the DSN directly with --dsn, or write the dsn key as a plain or quoted string'
          : 'fix the file (the service reads it the same way), or give the DSN with --dsn',
        path,
      );
    }
    throw error;
  }
}

const ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory (ENOENT)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'operation not permitted (EPERM)',
  ENOTDIR: 'a path component is not a directory (ENOTDIR)',
  EISDIR: 'it is a directory (EISDIR)',
  ELOOP: 'too many symbolic links (ELOOP)',
};

class JsonConfigError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

function readJsonDsn(text: string): { value: string | null; line: number | null; otherCase: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new JsonConfigError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`, 0);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new JsonConfigError('the file is not a JSON object of keys', 0);
  const record = parsed as Record<string, unknown>;
  const otherCase = Object.keys(record).filter((key) => key !== 'dsn' && key.toLowerCase() === 'dsn');
  if (!Object.hasOwn(record, 'dsn')) return { value: null, line: null, otherCase };
  const value = record.dsn;
  if (typeof value !== 'string')
    throw new JsonConfigError(
      `the dsn key is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}, not a string`,
      0,
    );
  return { value, line: null, otherCase };
}
