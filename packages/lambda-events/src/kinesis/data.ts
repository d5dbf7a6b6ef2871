import { decodeBase64 } from '../internal/base64.js';
import { checked } from '../internal/checked.js';
import { parseJson, utf8Decode } from '../internal/utf8.js';
import type { KinesisStreamRecord } from './types.js';

/**
 * The bytes of a Kinesis record (`kinesis.data` is base64).
 * Throws `LambdaEventError` (`INVALID_BASE64`).
 *
 * @example
 * ```ts
 * decodeKinesisData(record); // Uint8Array [72, 101, ...]
 * ```
 */
export function decodeKinesisData(record: Pick<KinesisStreamRecord, 'kinesis'>): Uint8Array {
  return decodeBase64(record.kinesis.data, 'kinesis.data');
}

/** The record's data as UTF-8 text (`INVALID_BODY` when it is not UTF-8). */
export function decodeKinesisText(record: Pick<KinesisStreamRecord, 'kinesis'>): string {
  return utf8Decode(decodeKinesisData(record), 'kinesis.data');
}

/**
 * The record's data parsed as JSON, optionally checked by `guard`.
 *
 * @example
 * ```ts
 * const order = parseKinesisData<Order>(record);
 * ```
 */
export function parseKinesisData<T = unknown>(record: Pick<KinesisStreamRecord, 'kinesis'>, guard?: (v: unknown) => v is T): T {
  return checked(parseJson(decodeKinesisText(record), 'kinesis.data'), guard, 'kinesis.data');
}

