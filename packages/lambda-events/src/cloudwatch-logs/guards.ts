import { field } from '../internal/guard.js';
import type { CloudWatchLogsEvent } from './types.js';

/**
 * A CloudWatch Logs subscription delivery: `awslogs.data` is a string.
 *
 * @example
 * ```ts
 * if (isCloudWatchLogsEvent(event)) console.log((await decodeCloudWatchLogs(event)).logGroup);
 * ```
 */
export function isCloudWatchLogsEvent(x: unknown): x is CloudWatchLogsEvent {
  return typeof field(field(x, 'awslogs'), 'data') === 'string';
}
