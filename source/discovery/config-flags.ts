// The config files an Ory service was started with, read from its argv as spf13/pflag reads
// Ory's `-c/--config` string-slice flag: `--config a.yml`, `--config=a.yml`, `-c a.yml`,
// `-ca.yml`, `-c=a.yml`, repeated (appended) and comma-separated (a CSV record), up to `--`.
// Keto alone has a default when the flag is absent: $HOME/keto.yml of the process.

export interface ConfigFlags {
  files: string[];
  /** Where the list came from, for messages */
  from: 'flag' | 'keto-default' | 'none';
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'busybox']);

export function programName(argv: string[]): string {
  const first = argv[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}

/** A shell's `-c` is its script, not a config file. */
export function isShell(argv: string[]): boolean {
  return SHELLS.has(programName(argv));
}

export function configFlags(argv: string[], env: Map<string, string>): ConfigFlags {
  if (isShell(argv)) return { files: [], from: 'none' };
  const values: string[] = [];
  let seen = false;
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') break;
    let value: string | undefined;
    if (arg === '--config' || arg === '-c') {
      value = argv[i + 1];
      i += 1;
      if (value === undefined) break;
    } else if (arg.startsWith('--config=')) {
      value = arg.slice('--config='.length);
    } else if (arg.startsWith('-c') && !arg.startsWith('--')) {
      value = arg.slice(2).replace(/^=/, '');
    }
    if (value === undefined) continue;
    seen = true;
    values.push(...csvRecord(value));
  }
  if (seen) return { files: values, from: 'flag' };
  if (programName(argv) === 'keto') {
    const home = env.get('HOME') ?? '';
    return { files: [`${home}/keto.yml`], from: 'keto-default' };
  }
  return { files: [], from: 'none' };
}

/** One line as Go's encoding/csv reads it (pflag's string slices): commas separate, "" quotes. */
export function csvRecord(text: string): string[] {
  if (text === '') return [];
  const fields: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let field = '';
      i += 1;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
      fields.push(field);
      // After the closing quote, only a comma or the end (encoding/csv errors otherwise; pflag then
      // rejects the flag and the service would not have started).
      i = text.indexOf(',', i) === -1 ? text.length + 1 : text.indexOf(',', i) + 1;
      continue;
    }
    const comma = text.indexOf(',', i);
    const end = comma === -1 ? text.length : comma;
    fields.push(text.slice(i, end));
    i = end + 1;
  }
  return fields;
}
