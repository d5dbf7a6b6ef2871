/** Stable codes of {@link LambdaEventError}. */
export type LambdaEventErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_BODY'
  | 'INVALID_BASE64'
  | 'INVALID_GZIP'
  | 'INVALID_ATTRIBUTE_VALUE'
  | 'UNSUPPORTED_VALUE'
  | 'NOT_AN_ENVELOPE'
  | 'LIMIT_EXCEEDED';

/**
 * The error every helper of this package throws on bad input, with a stable
 * `code` and, where it applies, the `path` of the offending field.
 *
 * @example
 * ```ts
 * try { parseBody(record); } catch (e) { if (e instanceof LambdaEventError && e.code === 'INVALID_JSON') skip(record); }
 * ```
 */
export class LambdaEventError extends Error {
  override readonly name = 'LambdaEventError';
  readonly code: LambdaEventErrorCode;
  readonly path: string | undefined;

  constructor(code: LambdaEventErrorCode, message: string, options?: { path?: string; cause?: unknown }) {
    super(options?.path ? `${message} (at ${options.path})` : message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options?.path;
  }
}
