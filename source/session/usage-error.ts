// A command line dsnsh cannot act on: exit 2 with the message and a pointer to --help.
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint: string = 'see `dsnsh --help`',
  ) {
    super(message);
  }
}
