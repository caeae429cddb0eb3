// One line of migration status: applied / pending / unknown, the latest version, the tool.
import { Text } from 'ink';
import type { MigrationSummary } from '../../migrations/index.js';
import type { Reading } from '../hooks/use-live-panels.js';
import { theme } from '../theme.js';
import { escapeControls } from '../../text/escape-controls.js';

export function migrationLine(reading: Reading<MigrationSummary> | undefined): string {
  if (reading === undefined) return 'migrations …';
  if (!reading.ok) return `migrations not available: ${reading.reason}`;
  const summary = reading.value;
  if (summary.problem) return `migrations: ${summary.problem.message}`;
  if (summary.tool === null) return 'migrations: no migration table found';
  const counts = [
    `applied ${summary.appliedCount ?? '?'}`,
    summary.pendingCount === null ? 'pending ? (no folder)' : `pending ${summary.pendingCount}`,
    summary.unknownCount === null ? null : `unknown ${summary.unknownCount}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const latest = summary.latest ? ` · latest ${summary.latest.version}${summary.latest.name ? ` ${summary.latest.name}` : ''}` : '';
  const failed = summary.failed ? ` · FAILED${summary.failure ? `: ${summary.failure}` : ''}` : '';
  const stale = reading.staleBecause ? ` (stale: ${reading.staleBecause})` : '';
  return `migrations (${summary.tool}) ${counts}${latest}${failed}${stale}`;
}

export function MigrationPanel({ reading }: { reading: Reading<MigrationSummary> | undefined }) {
  const failed = reading?.ok === true && reading.value.failed;
  return (
    <Text wrap="truncate-end" color={failed ? theme.error : undefined}>
      <Text color={theme.accent}>▌</Text>
      {escapeControls(migrationLine(reading))}
    </Text>
  );
}
