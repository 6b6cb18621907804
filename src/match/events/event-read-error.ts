// The error raised when an events file cannot be read: it names the file and where in it.

export class EventReadError extends Error {
  /** Shown to the user as a message, without a stack trace (see src/cli/program.ts). */
  readonly userFacing = true;

  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'EventReadError';
  }
}
