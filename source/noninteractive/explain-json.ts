// The `dsn explain --json` object: the issue-2 fields, then `effective` (the connection as the
// service would use it) and `sources` (where each effective value comes from). Never contains
// the password.
import type { ExplainEffective, ExplainTarget } from '../adapters/backend-explain.js';
import { descriptorFor } from '../adapters/backend-descriptors.js';
import type { ParsedDsn, PoolSettings } from '../dsn/types.js';
import { effectiveConnection, effectiveSources } from './explain-effective.js';

export type { ExplainTarget } from '../adapters/backend-explain.js';

export interface ExplainJson extends ExplainTarget {
  backend: ParsedDsn['backend'];
  dsn: string;
  pool: PoolSettings;
  params: Record<string, string>;
  warnings: string[];
  effective: ExplainEffective;
  sources: Record<string, string>;
}

export function explainJson(dsn: ParsedDsn): ExplainJson {
  const target = explainTarget(dsn);
  return {
    backend: dsn.backend,
    dsn: dsn.redacted,
    ...target,
    pool: { ...dsn.pool },
    params: { ...dsn.params },
    warnings: [...dsn.warnings],
    effective: effectiveConnection(dsn),
    sources: effectiveSources(dsn),
  };
}

export function explainTarget(dsn: ParsedDsn): ExplainTarget {
  return descriptorFor(dsn).explain.target(dsn);
}
