import { field, isRecord } from '../internal/guard.js';
import type { CloudWatchAlarmEvent } from './types.js';

/**
 * A CloudWatch alarm Lambda action: `alarmArn` and `alarmData`.
 *
 * @example
 * ```ts
 * if (isCloudWatchAlarmEvent(event)) console.log(event.alarmData.alarmName);
 * ```
 */
export function isCloudWatchAlarmEvent(x: unknown): x is CloudWatchAlarmEvent {
  return typeof field(x, 'alarmArn') === 'string' && isRecord(field(x, 'alarmData'));
}
