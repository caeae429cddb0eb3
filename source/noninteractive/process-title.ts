// The command line as `ps` shows it, with the password of any DSN argument replaced by ***. On
// Linux, setting process.title rewrites the memory /proc/PID/cmdline reads (libuv pads the rest of
// the original arguments with NULs), so `ps -o args` and cmdline both show the redacted form from
// then on. What it cannot hide is said in the README (Passwords): the first milliseconds before
// this runs, the environment, the shell's history, a parent process's own command line.

/**
 * A DSN argument with its password hidden. Deliberately wider than the DSN parser: from the first
 * `:` after `scheme://` to the last `@` of the text, so a password holding `@`, `:` or `/` never
 * shows, at the price of sometimes hiding a little more than the password.
 */
export function redactArgument(arg: string): string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)(.*)$/s.exec(arg.startsWith('--dsn=') ? arg.slice('--dsn='.length) : arg);
  if (!match) return arg;
  const [, scheme, rest] = match as unknown as [string, string, string];
  const at = rest.lastIndexOf('@');
  const colon = rest.indexOf(':');
  if (at === -1 || colon === -1 || colon > at) return arg;
  const redacted = `${scheme}${rest.slice(0, colon)}:***${rest.slice(at)}`;
  return arg.startsWith('--dsn=') ? `--dsn=${redacted}` : redacted;
}

/** Sets the title when an argument holds a password; returns whether it did. */
export function hideArgumentSecrets(argv: string[], name = 'dsnsh'): boolean {
  const shown = argv.map(redactArgument);
  if (shown.every((arg, i) => arg === argv[i])) return false;
  try {
    process.title = [name, ...shown.map(quoteForDisplay)].join(' ');
    return true;
  } catch {
    return false;
  }
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./*-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
