import { LambdaEventError } from '../errors.js';
import type { JsonString } from '../json-string.js';

/**
 * Parses the JSON body of an SQS message (or any record with a string `body`).
 * `T` comes from the event's type parameter (`SQSEvent<Order>`) or is given.
 * With `guard`, the parsed value is checked; without it, `T` is trusted.
 * Throws `LambdaEventError` with code `INVALID_JSON` or `INVALID_BODY`.
 *
 * @example
 * ```ts
 * const order = parseBody<Order>(record, isOrder);
 * ```
 */
export function parseBody<T = unknown>(record: { body: JsonString<T> | string }, guard?: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(record.body);
  } catch (cause) {
    throw new LambdaEventError('INVALID_JSON', 'body is not JSON', { path: 'body', cause });
  }
  if (guard && !guard(value)) throw new LambdaEventError('INVALID_BODY', 'body does not have the expected shape', { path: 'body' });
  return value as T;
}
