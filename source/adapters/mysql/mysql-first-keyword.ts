// The command word of a statement (SELECT, INSERT, ...), skipping comments: MySQL sends no
// command tag, so this stands in for one.
export function firstKeyword(sql: string): string | null {
  let index = 0;
  while (index < sql.length) {
    const rest = sql.slice(index);
    const space = /^\s+/.exec(rest);
    if (space) { index += space[0].length; continue; }
    if (rest.startsWith('--') || rest.startsWith('#')) {
      const end = sql.indexOf('\n', index);
      if (end < 0) return null;
      index = end + 1;
      continue;
    }
    if (rest.startsWith('/*') && !rest.startsWith('/*!')) {
      const end = sql.indexOf('*/', index + 2);
      if (end < 0) return null;
      index = end + 2;
      continue;
    }
    if (rest.startsWith('(')) { index += 1; continue; }
    const word = /^[A-Za-z]+/.exec(rest);
    return word ? word[0].toUpperCase() : null;
  }
  return null;
}
