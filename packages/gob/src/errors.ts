/** Base class of every error the gob codec throws. */
export class GobError extends Error {
  override name = 'GobError';
  constructor(message: string, readonly code: string, readonly offset?: number) {
    super(message);
  }
}
