// Two header lines: who and where (profile, backend, redacted target), then the server version,
// transaction state and connection state ("running" while a statement runs). A database chosen
// with USE comes before the target, whose DSN names another. The backend is the
// adapter's, or the one the target names while it is not connected (a failed connection says
// which backend it tried).
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { Backend } from '../../dsn/types.js';
import { parseTarget } from '../../profiles/resolve-target.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { escapeControl } from '../format/cell-text.js';
import { theme } from '../theme.js';

/** lost: the session's connection is gone (the server ended it); the next statement will say so */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'down' | 'lost';

export interface HeaderProps {
  target: ResolvedTarget;
  backend: Backend | null;
  serverVersion: string | null;
  transaction: 'idle' | 'in-transaction' | 'failed';
  connection: ConnectionState;
  readOnly: boolean;
  /** A statement of the user's is running */
  running?: boolean;
  /** The session's current database when USE chose another than the DSN's */
  database?: string | null;
  width: number;
}

/** The backend the target names; null when its DSN does not parse. */
function targetBackend(target: ResolvedTarget): Backend | null {
  try {
    return parseTarget(target).backend;
  } catch {
    return null;
  }
}

const transactionLabel = { idle: 'idle', 'in-transaction': 'in transaction', failed: 'failed transaction' } as const;
const connectionColour = {
  connecting: theme.warning,
  connected: theme.ok,
  reconnecting: theme.warning,
  down: theme.error,
  lost: theme.error,
} as const;
const connectionLabel = {
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'reconnecting',
  down: 'down',
  lost: 'connection lost (the next statement opens a new one)',
} as const;

export function Header({
  target,
  backend,
  serverVersion,
  transaction,
  connection,
  readOnly,
  running = false,
  database = null,
  width,
}: HeaderProps) {
  const tried = useMemo(() => (backend === null ? targetBackend(target) : null), [backend, target]);
  const state = connection === 'connected' && running ? 'running' : connectionLabel[connection];
  // Inside a service's pod the DSN usually comes from the environment: say so.
  const profile = target.profileName ?? (target.source === 'env' ? '$DSN' : '(DSN)');
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>
          dsnsh
        </Text>
        {` ${profile} · ${backend ?? tried ?? '?'}`}
        {target.settings.production ? (
          <Text color={theme.error} bold>
            {' · PRODUCTION'}
          </Text>
        ) : null}
        {/* the flags come before the target, which is cut first on a narrow screen */}
        {readOnly ? (
          <Text color={theme.warning} bold>
            {' · READ-ONLY'}
          </Text>
        ) : null}
        {database === null ? null : <Text color={theme.warning}>{` · database ${escapeControl(database)}`}</Text>}
        {` · ${escapeControl(target.redacted)}`}
      </Text>
      <Text wrap="truncate-end">
        {`server ${serverVersion === null ? '…' : escapeControl(serverVersion)} · `}
        <Text color={transaction === 'idle' ? undefined : transaction === 'failed' ? theme.error : theme.warning}>
          {transactionLabel[transaction]}
        </Text>
        {' · '}
        <Text color={state === 'running' ? theme.warning : connectionColour[connection]}>{state}</Text>
      </Text>
    </Box>
  );
}
