// Two header lines: who and where (profile, backend, redacted target), then the server version,
// transaction state and connection state.
import { Box, Text } from 'ink';
import type { Backend } from '../../dsn/types.js';
import type { ResolvedTarget } from '../../profiles/target.js';
import { escapeControl } from '../format/cell-text.js';
import { theme } from '../theme.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'down';

export interface HeaderProps {
  target: ResolvedTarget;
  backend: Backend | null;
  serverVersion: string | null;
  transaction: 'idle' | 'in-transaction' | 'failed';
  connection: ConnectionState;
  readOnly: boolean;
  width: number;
}

const transactionLabel = { idle: 'idle', 'in-transaction': 'in transaction', failed: 'failed transaction' } as const;
const connectionColour = { connecting: theme.warning, connected: theme.ok, reconnecting: theme.warning, down: theme.error } as const;

export function Header({ target, backend, serverVersion, transaction, connection, readOnly, width }: HeaderProps) {
  // Inside a service's pod the DSN usually comes from the environment: say so.
  const profile = target.profileName ?? (target.source === 'env' ? '$DSN' : '(DSN)');
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>dsnsh</Text>
        {` ${profile} · ${backend ?? '?'}`}
        {target.settings.production ? <Text color={theme.error} bold>{' · PRODUCTION'}</Text> : null}
        {/* the flags come before the target, which is cut first on a narrow screen */}
        {readOnly ? <Text color={theme.warning} bold>{' · READ-ONLY'}</Text> : null}
        {` · ${escapeControl(target.redacted)}`}
      </Text>
      <Text wrap="truncate-end">
        {`server ${serverVersion === null ? '…' : escapeControl(serverVersion)} · `}
        <Text color={transaction === 'idle' ? undefined : transaction === 'failed' ? theme.error : theme.warning}>{transactionLabel[transaction]}</Text>
        {' · '}
        <Text color={connectionColour[connection]}>{connection}</Text>
      </Text>
    </Box>
  );
}
