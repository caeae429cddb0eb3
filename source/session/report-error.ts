// Every failure a user sees: one line saying what went wrong, one saying what to do, no stack
// trace. Messages from DsnError and AdapterError are already free of passwords.
import { AdapterError } from '../adapters/adapter-error.js';
import { DiscoveryError } from '../discovery/discovery-error.js';
import { DsnError } from '../dsn/errors.js';
import { ProfileError } from '../profiles/profile-error.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { OutputWriteError } from '../output/output-sink.js';
import { UsageError } from './usage-error.js';
import { escapeControls } from '../text/escape-controls.js';

export interface ErrorReport {
  message: string;
  hint: string | null;
  exitCode: ExitCode;
  kind: string;
}

const CONNECTION_KINDS = new Set(['connect', 'auth', 'tls', 'driver-unavailable', 'timeout']);

/** `phase` tells a connection failure (exit 3) from a failing statement (exit 1). */
export function describeError(error: unknown, phase: 'connect' | 'statement' = 'connect'): ErrorReport {
  if (error instanceof DsnError) {
    return { message: error.message, hint: error.hint, exitCode: EXIT.usage, kind: `dsn:${error.code}` };
  }
  if (error instanceof ProfileError) {
    return { message: error.message, hint: error.hint, exitCode: EXIT.usage, kind: `profile:${error.code}` };
  }
  if (error instanceof DiscoveryError) {
    return { message: error.message, hint: error.hint, exitCode: EXIT.usage, kind: `discovery:${error.code}` };
  }
  if (error instanceof UsageError) {
    return { message: error.message, hint: error.hint, exitCode: EXIT.usage, kind: 'usage' };
  }
  if (error instanceof AdapterError) {
    // SQLite's says what its restart after a cancel reset.
    if (error.kind === 'cancelled') return { message: error.message, hint: error.hint, exitCode: EXIT.interrupted, kind: 'cancelled' };
    const connection = phase === 'connect' ? CONNECTION_KINDS.has(error.kind) || error.kind === 'other' : error.kind === 'connect';
    return { message: error.message, hint: error.hint, exitCode: connection ? EXIT.connection : EXIT.statement, kind: error.kind };
  }
  if (error instanceof OutputWriteError) {
    return { message: error.message, hint: 'free some space, or write the output elsewhere', exitCode: EXIT.statement, kind: 'output' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, hint: null, exitCode: phase === 'connect' ? EXIT.connection : EXIT.statement, kind: 'other' };
}

export function printError(report: ErrorReport, prefix = '', stderr: NodeJS.WritableStream = process.stderr): void {
  stderr.write(`dsnsh: error: ${prefix}${oneLine(report.message)}\n`);
  if (report.hint) stderr.write(`hint: ${oneLine(report.hint)}\n`);
}

/** A warning on stderr, control characters made visible (a DSN or a server message can hold them). */
export function printWarning(text: string, stderr: NodeJS.WritableStream = process.stderr): void {
  stderr.write(`dsnsh: warning: ${escapeControls(text)}\n`);
}

/** Reports `error` and returns its exit code. */
export function fail(error: unknown, phase: 'connect' | 'statement' = 'connect'): ExitCode {
  const report = describeError(error, phase);
  printError(report);
  return report.exitCode;
}

/**
 * One line, with control characters shown as \xNN: a server's message can quote user input (a
 * table name holding ESC [2J), which must not reach the terminal as a live escape sequence.
 */
function oneLine(text: string): string {
  return escapeControls(text.replace(/\s*\n\s*/g, ' ').trim());
}
