import type { S3EventRecord } from './types.js';

/**
 * The object key of an S3 notification record, decoded: S3 sends keys
 * URL-encoded with `+` for a space (`Happy+Face%21.jpg` → `Happy Face!.jpg`).
 * Throws `URIError` on a malformed escape such as `%E0%A4%A`.
 *
 * @example
 * ```ts
 * const key = s3ObjectKey(event.Records[0]!);
 * ```
 */
export function s3ObjectKey(record: Pick<S3EventRecord, 's3'> | { s3: { object: { key: string } } }): string {
  return decodeS3Key(record.s3.object.key);
}

/** Decodes an S3 notification key (`+` is a space, then percent-decoding). */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}
