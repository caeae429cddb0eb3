// A name put into the prompt by completion, quoted when the dialect would not read it back as
// written unquoted (PostgreSQL folds unquoted names to lower case; spaces or dashes need quotes
// everywhere), or when the user opened a quote.
import type { SqlDialect } from '../../sql/dialect.js';

interface Quoting {
  open: string;
  close: string;
  plain: RegExp;
}

const QUOTING: Record<SqlDialect, Quoting> = {
  postgres: { open: '"', close: '"', plain: /^[a-z_][a-z0-9_$]*$/ },
  mysql: { open: '`', close: '`', plain: /^[A-Za-z0-9_$]*[A-Za-z_$][A-Za-z0-9_$]*$/ },
  sqlite: { open: '"', close: '"', plain: /^[A-Za-z_][A-Za-z0-9_$]*$/ },
};

export function quoteIdentifier(name: string, dialect: SqlDialect, force = false): string {
  const { open, close, plain } = QUOTING[dialect];
  if (!force && plain.test(name)) return name;
  return `${open}${name.replaceAll(close, close + close)}${close}`;
}
