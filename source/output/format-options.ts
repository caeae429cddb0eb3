// How results are written: the format and the knobs that apply to it.

export const FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  format: FormatName;
  header: boolean;
  /** Text for NULL; each format has its own default (see defaultNullText) */
  nullText: string;
  /** ANSI styling in table output */
  color: boolean;
  /**
   * The output is a terminal: control characters in csv, tsv and json values are shown escaped,
   * as table output always does (to a file or a pipe csv and tsv stay byte-exact).
   */
  terminal?: boolean;
}

export function isFormatName(text: string): text is FormatName {
  return (FORMATS as readonly string[]).includes(text);
}

/** table NULL, csv empty (empty strings are quoted ""), tsv \N (as PostgreSQL's text COPY); json uses null. */
export function defaultNullText(format: FormatName): string {
  switch (format) {
    case 'table':
      return 'NULL';
    case 'csv':
      return '';
    case 'tsv':
      return '\\N';
    case 'json':
    case 'ndjson':
      return '';
  }
}

/** Table when a person reads the output on a terminal, tab-separated when a program does. */
export function defaultFormat(stdoutIsTty: boolean): FormatName {
  return stdoutIsTty ? 'table' : 'tsv';
}

/** NO_COLOR (any non-empty value) and TERM=dumb turn styling off; so does a non-terminal stdout. */
export function colorEnabled(stdoutIsTty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!stdoutIsTty) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.TERM !== 'dumb';
}
