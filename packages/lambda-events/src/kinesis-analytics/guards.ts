import { field } from '../internal/guard.js';
import type { KinesisAnalyticsOutputDeliveryEvent } from './types.js';

/**
 * A Kinesis Data Analytics output delivery: `applicationArn` and `records`.
 *
 * @example
 * ```ts
 * if (isKinesisAnalyticsOutputDeliveryEvent(event)) console.log(event.applicationArn);
 * ```
 */
export function isKinesisAnalyticsOutputDeliveryEvent(x: unknown): x is KinesisAnalyticsOutputDeliveryEvent {
  return typeof field(x, 'applicationArn') === 'string' && typeof field(x, 'invocationId') === 'string' && Array.isArray(field(x, 'records'));
}
