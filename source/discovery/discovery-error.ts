// Why a DSN could not be taken from a running process or an Ory config file. `code` is stable
// for --json and tests; the message names what was unreadable and why, the hint what to do.

export type DiscoveryErrorCode =
  'bad_pid' | 'no_such_process' | 'permission' | 'unreadable' | 'no_dsn' | 'empty_dsn' | 'not_ory_config' | 'unsupported_yaml' | 'conflict';

export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
  constructor(
    readonly code: DiscoveryErrorCode,
    message: string,
    readonly hint: string,
    /** the file concerned (as the process names it), when the problem is a file */
    readonly file: string | null = null,
  ) {
    super(message);
  }
}

/** The errno name of a failed file operation (EACCES, ENOENT, …), or null. */
export function errnoOf(error: unknown): string | null {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : null;
}

const ERRNO_TEXT: Record<string, string> = {
  EACCES: 'permission denied (EACCES)',
  EPERM: 'operation not permitted (EPERM)',
  ENOENT: 'no such file or directory (ENOENT)',
  ESRCH: 'no such process (ESRCH)',
  ENOTDIR: 'a path component is not a directory (ENOTDIR)',
  EISDIR: 'is a directory (EISDIR)',
  ELOOP: 'too many symbolic links (ELOOP)',
};

export function errnoText(error: unknown): string {
  const code = errnoOf(error);
  if (code !== null && ERRNO_TEXT[code]) return ERRNO_TEXT[code]!;
  return code ?? (error instanceof Error ? error.message : String(error));
}
