import { isEventBridgeEvent } from '../eventbridge/guards.js';
import type { AWSAPICallViaCloudTrailEvent } from './types.js';

/**
 * An EventBridge event carrying a CloudTrail record (`detail-type` "... via CloudTrail").
 *
 * @example
 * ```ts
 * if (isAWSAPICallViaCloudTrailEvent(event)) console.log(event.detail.eventName);
 * ```
 */
export function isAWSAPICallViaCloudTrailEvent(x: unknown): x is AWSAPICallViaCloudTrailEvent {
  return isEventBridgeEvent(x) && x['detail-type'].endsWith('via CloudTrail');
}
