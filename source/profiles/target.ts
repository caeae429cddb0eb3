// What the CLI resolved the user's target to: the DSN to connect to and where it came from.
// Produced by profiles/ (target resolution), consumed by noninteractive/ and ui/.

import type { ProcessEnvironment } from '../discovery/process-target.js';

export type TargetSource = 'positional' | 'option' | 'pid' | 'config' | 'env' | 'default-profile' | 'memory';

export interface ProfileSettings {
  /** Folder of migration files for this profile */
  migrationsDir?: string;
  /** Session is read-only on the server side */
  readOnly?: boolean;
  /** Production profile: marked in the header; destructive statements ask first unless `confirmDestructive` says otherwise */
  production?: boolean;
  /** Destructive statements (DROP, TRUNCATE, DELETE/UPDATE without WHERE, ALTER … DROP) ask for confirmation in the console; unset: as `production` */
  confirmDestructive?: boolean;
  note?: string;
  /** Replicas of the service using this DSN, for `dsnsh sessions`' connection budget */
  replicas?: number;
}

export interface ResolvedTarget {
  /** DSN with ${ENV} references expanded; contains the password: never print it, use `redacted`. */
  dsn: string;
  /** Safe to print */
  redacted: string;
  /** Profile name when the target came from a profile (including the built-in 'memory') */
  profileName: string | null;
  source: TargetSource;
  settings: ProfileSettings;
  /** How a --pid or --config DSN was found: "DSN in pid 1's environment", "dsn key of kratos.yml line 3" */
  origin?: string;
  /** A name for the target when it has no profile: "kratos serve (pid 1)" */
  label?: string;
  /** Facts worth saying about how the DSN was chosen (which source beat which) */
  notes?: string[];
  /**
   * --pid: the environment the DSN's libpq-style defaults come from (the service's PG* variables,
   * its home and root); absent: this process's. See discovery/dsn-environment-of.ts.
   */
  environment?: ProcessEnvironment;
}
