import { isEventFrom } from '../eventbridge/guards.js';
import type { ECSContainerInstanceStateChangeEvent } from './types.js';

/**
 * An ECS container instance state change: `source` "aws.ecs", `detail-type` "ECS Container Instance State Change".
 *
 * @example
 * ```ts
 * if (isECSContainerInstanceStateChangeEvent(event)) console.log(event.detail.status);
 * ```
 */
export function isECSContainerInstanceStateChangeEvent(x: unknown): x is ECSContainerInstanceStateChangeEvent {
  return isEventFrom(x, 'aws.ecs', (d) => d === 'ECS Container Instance State Change');
}
