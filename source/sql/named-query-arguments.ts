// pgcli's named-query parameters: `\n NAME a b` puts the arguments (split like a shell line, so
// "two words" is one) into the saved SQL as typed: `$1`, `$2`… positionally, `$*` the rest joined
// with ", ", `$@` the rest as quoted SQL strings. The result is ordinary SQL text that runs the way
// typed SQL does (classifier, confirmation, read-only), so the substitution needs no quoting rules.

export type Substituted = { ok: true; sql: string } | { ok: false; message: string; hint: string };

/** Splits an argument line like a POSIX shell: quotes group words, a backslash escapes one character. */
export function splitArguments(line: string): { ok: true; args: string[] } | { ok: false; message: string } {
  const args: string[] = [];
  let current: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quote === "'") {
      if (char === "'") quote = null;
      else current += char;
      continue;
    }
    if (char === '\\' && index + 1 < line.length && (quote === null || '"\\$`'.includes(line[index + 1]!))) {
      current = (current ?? '') + line[index + 1];
      index += 1;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = null;
      else current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      current ??= '';
      continue;
    }
    if (/\s/.test(char)) {
      if (current !== null) args.push(current);
      current = null;
      continue;
    }
    current = (current ?? '') + char;
  }
  if (quote !== null) return { ok: false, message: `an argument's ${quote === '"' ? 'double' : 'single'} quote is not closed` };
  if (current !== null) args.push(current);
  return { ok: true, args };
}

const POSITIONAL = /\$(\d+)(?!\d)/g;

export function substituteArguments(name: string, sql: string, args: readonly string[]): Substituted {
  const used = new Set([...sql.matchAll(POSITIONAL)].map((match) => Number(match[1])));
  const highest = Math.max(0, ...used);
  const rest = sql.includes('$*') || sql.includes('$@');
  const missing = [...used].filter((position) => position > args.length).sort((a, b) => a - b);
  const usage = `\\n ${name}${[...Array(highest).keys()].map((index) => ` ARG${index + 1}`).join('')}${rest ? ' …' : ''}`;
  if (missing.length > 0) {
    return {
      ok: false,
      message: `The named query ${name} needs ${highest} argument${highest === 1 ? '' : 's'} (${missing.map((position) => `$${position}`).join(', ')} missing).`,
      hint: `Run it as ${usage}; \\n lists the saved queries.`,
    };
  }
  if (!rest && args.length > highest) {
    return {
      ok: false,
      message: `The named query ${name} takes ${highest} argument${highest === 1 ? '' : 's'}, ${args.length} given.`,
      hint: highest === 0 ? `Run it as \\n ${name}.` : `Run it as ${usage}.`,
    };
  }
  const remaining = args.slice(highest);
  if (rest && remaining.length === 0) {
    return {
      ok: false,
      message: `The named query ${name} needs arguments for $* or $@ (${highest === 0 ? 'none given' : `none left after $1…$${highest}`}).`,
      hint: `Run it as ${usage}.`,
    };
  }
  // One pass: an argument's own text (`$2`, `$*`) is never substituted again.
  const result = sql.replace(/\$(\d+)(?!\d)|\$\*|\$@/g, (match, position: string | undefined) => {
    if (position !== undefined) return args[Number(position) - 1] ?? '';
    return match === '$*' ? remaining.join(', ') : remaining.map((arg) => `'${arg.replaceAll("'", "''")}'`).join(', ');
  });
  return { ok: true, sql: result };
}
