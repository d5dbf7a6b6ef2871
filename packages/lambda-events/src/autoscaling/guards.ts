import { isEventFrom } from '../eventbridge/guards.js';
import type { AutoScalingEvent } from './types.js';

/**
 * An EC2 Auto Scaling event: EventBridge `source` "aws.autoscaling".
 *
 * @example
 * ```ts
 * if (isAutoScalingEvent(event)) console.log(event.detail.AutoScalingGroupName);
 * ```
 */
export function isAutoScalingEvent(x: unknown): x is AutoScalingEvent {
  return isEventFrom(x, 'aws.autoscaling');
}
