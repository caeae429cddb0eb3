// One line under the header when the DSN has warnings (SQLite without _fk=true, pool values
// ignored…): the first one, cut to the width, and where to read them all.
import { Text } from 'ink';
import { theme } from '../theme.js';

export function warningLineText(warnings: string[]): string {
  const [first = ''] = warnings;
  const count = warnings.length === 1 ? 'DSN warning' : `${warnings.length} DSN warnings (\\conninfo lists them)`;
  return `! ${count}: ${first.replace(/\s+/g, ' ')}`;
}

export function WarningLine({ warnings }: { warnings: string[] }) {
  return (
    <Text color={theme.warning} wrap="truncate-end">
      {warningLineText(warnings)}
    </Text>
  );
}
