// What the CLI resolved the user's target to: the DSN to connect to and where it came from.
// Produced by profiles/ (target resolution), consumed by noninteractive/ and ui/.

export type TargetSource = 'positional' | 'option' | 'env' | 'default-profile' | 'memory';

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
}
