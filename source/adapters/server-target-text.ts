// The `target` line of `dsn explain` for a backend with a server: socket or host and port,
// database, user, and what is known of the password (never the password itself).
import type { ExplainTarget } from './backend-explain.js';

export function serverTargetText(target: ExplainTarget, passwordNote: string | null): string {
  const parts: string[] = [];
  if (target.socket !== null) parts.push(`socket ${target.socket}`);
  else parts.push(`host ${target.host}`, `port ${target.port}`);
  parts.push(`database ${target.database ?? '(none; the server default)'}`);
  parts.push(`user ${target.user ?? '(none)'}`);
  if (passwordNote !== null) parts.push(passwordNote);
  return parts.join(', ');
}
