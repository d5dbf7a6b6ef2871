import { field } from '../internal/guard.js';
import type { FirehoseTransformationEvent } from './types.js';

/**
 * A Data Firehose transformation request: `invocationId`, `deliveryStreamArn` and `records`.
 *
 * @example
 * ```ts
 * if (isFirehoseTransformationEvent(event)) console.log(event.records.length);
 * ```
 */
export function isFirehoseTransformationEvent(x: unknown): x is FirehoseTransformationEvent {
  return typeof field(x, 'deliveryStreamArn') === 'string' && typeof field(x, 'invocationId') === 'string' && Array.isArray(field(x, 'records'));
}
