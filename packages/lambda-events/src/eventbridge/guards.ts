import { isRecord } from '../internal/guard.js';
import type { EventBridgeEvent, ScheduledEvent } from './types.js';

/**
 * An EventBridge event: string `source`, `detail-type` and `id`, and a
 * `detail`. Every AWS service event delivered by EventBridge passes
 * (ScheduledEvent, AutoScalingEvent, CodeBuild..., see the nesting table).
 *
 * @example
 * ```ts
 * if (isEventBridgeEvent(event)) console.log(event.source, event['detail-type']);
 * ```
 */
export function isEventBridgeEvent(x: unknown): x is EventBridgeEvent {
  return (
    isRecord(x) &&
    typeof x.source === 'string' &&
    typeof x['detail-type'] === 'string' &&
    typeof x.id === 'string' &&
    'detail' in x &&
    Array.isArray(x.resources)
  );
}

/** A scheduled rule invocation: `source` "aws.events", `detail-type` "Scheduled Event". */
export function isScheduledEvent(x: unknown): x is ScheduledEvent {
  return isEventBridgeEvent(x) && x.source === 'aws.events' && x['detail-type'] === 'Scheduled Event';
}

/** @internal An EventBridge event from `source` whose detail-type passes `detailType`. */
export function isEventFrom(x: unknown, source: string, detailType?: (d: string) => boolean): boolean {
  return isEventBridgeEvent(x) && x.source === source && (detailType ? detailType(x['detail-type']) : true);
}
