import { LambdaEventError } from '../errors.js';
import { decodeBase64, encodeBase64 } from '../internal/base64.js';
import { checked } from '../internal/checked.js';
import { parseJson, utf8Decode, utf8Encode } from '../internal/utf8.js';

/**
 * The bytes of a Firehose (or Kinesis Data Analytics) record: `data` is base64.
 *
 * @example
 * ```ts
 * decodeFirehoseData({ data: 'SGk=' }); // Uint8Array [72, 105]
 * ```
 */
export function decodeFirehoseData(record: { data: string }): Uint8Array {
  return decodeBase64(record.data, 'data');
}

/** The record's data as UTF-8 text. */
export function decodeFirehoseText(record: { data: string }): string {
  return utf8Decode(decodeFirehoseData(record), 'data');
}

/** The record's data parsed as JSON, optionally checked by `guard`. */
export function parseFirehoseData<T = unknown>(record: { data: string }, guard?: (v: unknown) => v is T): T {
  return checked(parseJson(decodeFirehoseText(record), 'data'), guard, 'data');
}

/**
 * Base64 for a transformation result's `data`: text is UTF-8 encoded, bytes are taken as they are.
 *
 * @example
 * ```ts
 * encodeFirehoseData('Hi'); // "SGk="
 * ```
 */
export function encodeFirehoseData(data: string | Uint8Array): string {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw new LambdaEventError('UNSUPPORTED_VALUE', 'data must be a string or a Uint8Array');
  return encodeBase64(typeof data === 'string' ? utf8Encode(data) : data);
}
