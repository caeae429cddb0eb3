// How many connections an Ory service can open against what the server has: N replicas × the
// DSN's effective max_conns (Ory's default, 2 × CPU cores, where unset; 0 or less = unlimited)
// plus one for the migration job (popx runs migrations on one connection), against
// max_connections minus the reserved slots minus what others hold now.
import type { ServerSession } from '../adapters/adapter.js';
import type { Headroom } from './group-sessions.js';

export interface BudgetInput {
  replicas: number;
  /** The DSN's effective max_conns; 0 or less = unlimited */
  maxConns: number;
  /** Whose sessions are the service's own: the DSN's user (and application name when the DSN sets one) */
  serviceUser: string | null;
  serviceApplication: string | null;
}

export interface ConnectionBudget {
  replicas: number;
  maxConnsPerReplica: number | null;
  migrationJob: number;
  /** null when max_conns is unlimited */
  total: number | null;
  /** max_connections − reserved */
  slots: number | null;
  /** Sessions open now that are not the service's */
  heldByOthers: number;
  /** slots − heldByOthers */
  available: number | null;
  fits: boolean | null;
  warning: string | null;
}

export function isServiceSession(session: ServerSession, input: Pick<BudgetInput, 'serviceUser' | 'serviceApplication'>): boolean {
  if (session.self) return false;
  if (input.serviceUser !== null && session.user !== input.serviceUser) return false;
  if (input.serviceApplication !== null && session.application !== input.serviceApplication) return false;
  return input.serviceUser !== null || input.serviceApplication !== null;
}

export function connectionBudget(input: BudgetInput, sessions: ServerSession[], room: Headroom): ConnectionBudget {
  const unlimited = input.maxConns <= 0;
  const total = unlimited ? null : input.replicas * input.maxConns + 1;
  const slots = room.maxConnections === null ? null : room.maxConnections - room.reserved;
  const heldByOthers = sessions.filter((s) => !isServiceSession(s, input)).length;
  const available = slots === null ? null : slots - heldByOthers;
  const fits = total === null || available === null ? (unlimited && available !== null ? false : null) : total <= available;
  let warning: string | null = null;
  if (unlimited) {
    warning = `max_conns is unlimited (${input.maxConns}): each replica opens as many connections as it needs${available === null ? '' : `, and ${available} slots are left`}; set max_conns in the DSN`;
  } else if (fits === false) {
    warning = `the service can exhaust the server: ${input.replicas} replica${input.replicas === 1 ? '' : 's'} × max_conns ${input.maxConns} + 1 migration job = ${total} connections, but only ${available} of ${slots} slots are left (${heldByOthers} held by others); lower max_conns, run fewer replicas, or raise max_connections`;
  }
  return {
    replicas: input.replicas,
    maxConnsPerReplica: unlimited ? null : input.maxConns,
    migrationJob: 1,
    total,
    slots,
    heldByOthers,
    available,
    fits,
    warning,
  };
}
