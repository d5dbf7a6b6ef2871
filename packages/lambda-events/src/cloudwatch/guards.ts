import { field } from '../internal/guard.js';
import type { CloudWatchAlarmEvent } from './types.js';

/**
 * A CloudWatch alarm Lambda action: `alarmData.alarmName` with `alarmArn`, or
 * with an EventBridge-style envelope of `source` "aws.cloudwatch".
 *
 * @example
 * ```ts
 * if (isCloudWatchAlarmEvent(event)) console.log(event.alarmData.alarmName);
 * ```
 */
export function isCloudWatchAlarmEvent(x: unknown): x is CloudWatchAlarmEvent {
  if (typeof field(field(x, 'alarmData'), 'alarmName') !== 'string') return false;
  return typeof field(x, 'alarmArn') === 'string' || (field(x, 'source') === 'aws.cloudwatch' && typeof field(x, 'detail-type') === 'string');
}
