// The error a catalog file raises when it cannot be opened (missing, not a catalog, too old,
// damaged) or when a read finds it damaged.

export class CatalogError extends Error {
  /** Shown to the user as a message, without a stack trace. */
  readonly userFacing = true;

  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogError';
  }
}
