// An error in how a command was called or in what it was pointed at: shown without a stack trace.

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
