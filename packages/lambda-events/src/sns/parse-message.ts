import { parseBody } from '../sqs/parse-body.js';
import type { JsonString } from '../json-string.js';

/**
 * Parses the JSON `Message` of an SNS notification (`record.Sns`), optionally
 * checked by `guard`. Throws `LambdaEventError` (`INVALID_JSON`, `INVALID_BODY`).
 *
 * @example
 * ```ts
 * const alarm = parseMessage<Alarm>(event.Records[0]!.Sns);
 * ```
 */
export function parseMessage<T = unknown>(message: { Message: JsonString<T> | string }, guard?: (value: unknown) => value is T): T {
  return parseBody<T>({ body: message.Message }, guard);
}
