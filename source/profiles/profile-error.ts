// The error of everything profile-related: a name that does not exist, a corrupt or unwritable
// profile file, an ${ENV} reference that is not set. `code` is stable for --json and tests.

export type ProfileErrorCode =
  'not_found' | 'exists' | 'builtin' | 'bad_name' | 'corrupt_file' | 'unreadable_file' | 'unwritable' | 'missing_env';

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    readonly hint: string,
    /** the profile file concerned, when the problem is the file */
    readonly file: string | null = null,
  ) {
    super(message);
  }

  toJSON(): { code: ProfileErrorCode; message: string; hint: string; file: string | null } {
    return { code: this.code, message: this.message, hint: this.hint, file: this.file };
  }
}
