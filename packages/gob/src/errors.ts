/**
 * Error codes used by the gob codec. The `code` of an error is stable and
 * safe to branch on; the message is for humans and may change.
 */
export type GobErrorCode =
  | 'ERR_GOB_SCHEMA'
  | 'ERR_GOB_ENCODE'
  | 'ERR_GOB_NIL'
  | 'ERR_GOB_RANGE'
  | 'ERR_GOB_UNREGISTERED'
  | 'ERR_GOB_UNSUPPORTED'
  | 'ERR_GOB_TRUNCATED'
  | 'ERR_GOB_CORRUPT'
  | 'ERR_GOB_TYPE_MISMATCH'
  | 'ERR_GOB_UNKNOWN_TYPE'
  | 'ERR_GOB_DUPLICATE_TYPE'
  | 'ERR_GOB_LIMIT'
  | 'ERR_GOB_MARSHALER';

/**
 * Base class of every error the gob codec throws.
 *
 * @example
 * ```ts
 * try { dec.tryDecode(schema); } catch (e) { if (e instanceof GobError) console.log(e.code); }
 * ```
 */
export class GobError extends Error {
  override name = 'GobError';
  /** Stable machine-readable code. */
  readonly code: GobErrorCode;
  constructor(message: string, code: GobErrorCode = 'ERR_GOB_SCHEMA', options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Thrown by decoders for bad, hostile or truncated input, for incompatible
 * types and for exceeded limits. `offset` is the byte offset in the stream
 * (counted from the first byte pushed) where the problem was found.
 */
export class GobDecodeError extends GobError {
  override name = 'GobDecodeError';
  /** Byte offset in the stream where decoding failed. */
  readonly offset: number;
  constructor(message: string, code: GobErrorCode, offset: number, options?: { cause?: unknown }) {
    super(`${message} (at byte ${offset})`, code, options);
    this.offset = offset;
  }
}

/**
 * Thrown by {@link Encoder.encode} when a value cannot be encoded (wrong JS
 * type, integer out of range, nil pointer, unregistered interface type, ...).
 * `path` names the field or element (`.Deadline.Seconds`, `[3]`).
 * `partial` holds the bytes Go's encoder would already have written before
 * failing (type definitions); the encoder itself forgets them, so the stream
 * stays consistent if you just drop the failed value.
 */
export class GobEncodeError extends GobError {
  override name = 'GobEncodeError';
  /** Where in the value the problem is, e.g. `.Items[2].Name`; empty at top level. */
  path: string;
  /** Bytes Go would have written before the failure (type definitions). */
  partial: Uint8Array = new Uint8Array(0);
  constructor(message: string, code: GobErrorCode = 'ERR_GOB_ENCODE', path = '', options?: { cause?: unknown }) {
    super(path ? `${message} (at ${path})` : message, code, options);
    this.path = path;
  }
}
