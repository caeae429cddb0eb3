// The one error type the DSN module throws. `code` is stable (tests and --json rely on it).

export type DsnErrorCode =
  | 'empty'
  | 'unknown_scheme'
  | 'malformed'
  | 'bad_host'
  | 'bad_port'
  | 'bad_escape'
  | 'bad_param'
  | 'bad_duration'
  | 'bad_bool'
  | 'bad_value'
  | 'duplicate_param'
  | 'missing_path';

export class DsnError extends Error {
  override readonly name = 'DsnError';
  constructor(
    readonly code: DsnErrorCode,
    message: string,
    readonly hint: string,
    readonly param: string | null = null,
    /** character offset in the DSN where the problem starts, when known */
    readonly position: number | null = null,
  ) {
    super(message);
  }

  toJSON(): { code: DsnErrorCode; param: string | null; message: string; hint: string } {
    return { code: this.code, param: this.param, message: this.message, hint: this.hint };
  }
}
