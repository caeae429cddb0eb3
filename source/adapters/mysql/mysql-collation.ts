// The handshake carries a collation id in one byte. For ids above 255 (MySQL 8's language
// collations) the Go driver connects with a default and then sends SET NAMES … COLLATE …;
// mysql2 would silently truncate the id, so we do as the Go driver does.
import mysql from 'mysql2';

const HANDSHAKE_DEFAULT = 'utf8mb4_general_ci';

function collationIds(): Record<string, number> {
  return (mysql as unknown as { Charsets?: Record<string, number> }).Charsets ?? {};
}

export interface CollationPlan {
  /** collation name given to mysql2 for the handshake */
  handshake: string;
  /** statement to run after connecting, when the handshake could not carry the collation */
  afterConnect: string | null;
}

export function collationPlan(collation: string): CollationPlan {
  const id = collationIds()[collation.toUpperCase()];
  if (id === undefined || id <= 255) return { handshake: collation, afterConnect: null };
  const charset = collation.split('_')[0] ?? 'utf8mb4';
  return { handshake: HANDSHAKE_DEFAULT, afterConnect: `SET NAMES ${charset} COLLATE ${collation}` };
}
