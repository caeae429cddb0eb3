// The command line of a session: `dsnsh [TARGET] [-c SQL]... [-f FILE]... [options]`.
import { parseArgs } from 'node:util';
import { defaultFormat, defaultNullText, isFormatName, FORMATS, type FormatName } from '../output/format-options.js';
import { UsageError } from '../session/usage-error.js';

/** A script to run, in command-line order: `-c` text or a file (`-` = stdin). */
export type ScriptSource = { kind: 'command'; sql: string; index: number } | { kind: 'file'; path: string };

export interface SessionArgs {
  target: string | undefined;
  dsn: string | undefined;
  pid: string | undefined;
  configFiles: string[] | undefined;
  sources: ScriptSource[];
  format: FormatName | undefined;
  header: boolean;
  nullText: string | undefined;
  continueOnError: boolean;
  readOnly: boolean;
  help: boolean;
  version: boolean;
}

export const SESSION_OPTIONS = {
  command: { type: 'string', short: 'c', multiple: true },
  file: { type: 'string', short: 'f', multiple: true },
  dsn: { type: 'string' },
  pid: { type: 'string' },
  config: { type: 'string', multiple: true },
  format: { type: 'string' },
  'no-header': { type: 'boolean' },
  null: { type: 'string' },
  'continue-on-error': { type: 'boolean' },
  'read-only': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

export function parseSessionArgs(argv: string[]): SessionArgs {
  const { values, positionals, tokens } = parseStrict(argv, SESSION_OPTIONS);
  if (positionals.length > 1) {
    throw new UsageError(
      `expected at most one DSN or profile, got ${positionals.length}: ${positionals
        .slice(1)
        .map((p) => `"${p}"`)
        .join(' ')}`,
      'quote SQL and pass it with -c, e.g. dsnsh memory -c "select 1"',
    );
  }
  const format = values.format;
  if (format !== undefined && !isFormatName(format)) {
    throw new UsageError(`unknown format "${format}"`, `use one of: ${FORMATS.join(', ')}`);
  }
  const sources: ScriptSource[] = [];
  let commandIndex = 0;
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'command') sources.push({ kind: 'command', sql: token.value, index: ++commandIndex });
    if (token.name === 'file') sources.push({ kind: 'file', path: token.value });
  }
  return {
    target: positionals[0],
    dsn: values.dsn,
    pid: values.pid,
    configFiles: values.config,
    sources,
    format,
    header: !values['no-header'],
    nullText: values.null,
    continueOnError: values['continue-on-error'] ?? false,
    readOnly: values['read-only'] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

export function resolveFormat(
  args: Pick<SessionArgs, 'format' | 'nullText'>,
  stdoutIsTty: boolean,
): { format: FormatName; nullText: string } {
  const format = args.format ?? defaultFormat(stdoutIsTty);
  return { format, nullText: args.nullText ?? defaultNullText(format) };
}

type OptionsConfig = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/**
 * `-c '-- comment …'`: SQL often starts with a dash, which parseArgs takes for an option; a value
 * following a string option is always its argument, so join the two as `--name=value`.
 */
function attachValues(argv: string[], options: NonNullable<OptionsConfig>): string[] {
  const stringOption = new Map<string, string>();
  for (const [name, config] of Object.entries(options)) {
    if (config.type !== 'string') continue;
    stringOption.set(`--${name}`, name);
    if (config.short) stringOption.set(`-${config.short}`, name);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = stringOption.get(arg);
    if (name !== undefined && i + 1 < argv.length && argv[i + 1]!.startsWith('-')) {
      out.push(`--${name}=${argv[i + 1]}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** node:util parseArgs with its errors turned into UsageErrors. */
export function parseStrict<T extends OptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({
      args: attachValues(argv, options!),
      options: options!,
      allowPositionals: true,
      strict: true,
      tokens: true,
    }) as ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true; tokens: true }>>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]!.replace(/^Unknown option/, 'unknown option') : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ''));
  }
}
