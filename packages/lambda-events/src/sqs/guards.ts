import { firstRecord } from '../internal/guard.js';
import type { SQSEvent } from './types.js';

/**
 * An SQS batch: `Records[0].eventSource` is "aws:sqs".
 *
 * @example
 * ```ts
 * if (isSQSEvent(event)) return processBatch(event.Records, handle);
 * ```
 */
export function isSQSEvent(x: unknown): x is SQSEvent {
  const r = firstRecord(x);
  return r !== undefined && r.eventSource === 'aws:sqs' && typeof r.receiptHandle === 'string';
}
