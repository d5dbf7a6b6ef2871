import { field, isRecord } from '../internal/guard.js';
import type { ALBEvent } from './types.js';

/**
 * An Application Load Balancer request: `requestContext.elb`.
 *
 * @example
 * ```ts
 * if (isALBEvent(event)) console.log(event.requestContext.elb.targetGroupArn);
 * ```
 */
export function isALBEvent(x: unknown): x is ALBEvent {
  return isRecord(field(field(x, 'requestContext'), 'elb')) && typeof field(x, 'httpMethod') === 'string';
}
