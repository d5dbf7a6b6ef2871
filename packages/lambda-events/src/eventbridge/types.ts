import type { Handler, LambdaContext } from '../handler.js';

/**
 * An EventBridge (CloudWatch Events) event. `TDetailType` narrows
 * `detail-type`, `TDetail` types `detail`.
 *
 * @example
 * ```ts
 * import type { EventBridgeHandler } from '@tslambda/lambda-events/eventbridge';
 * export const handler: EventBridgeHandler<'Order Placed', { orderId: string }> = async (event) => {
 *   console.log(event.detail.orderId);
 * };
 * ```
 */
export interface EventBridgeEvent<TDetailType extends string = string, TDetail = unknown> {
  /** "0" for AWS and PutEvents events; absent in some deliveries. */
  version?: string;
  id: string;
  'detail-type': TDetailType;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: TDetail;
  /** Set when the event is replayed from an archive. */
  'replay-name'?: string;
}

/** An EventBridge scheduled rule invocation (`source` "aws.events", `detail` empty). */
export type ScheduledEvent<TDetail = Record<string, unknown>> = EventBridgeEvent<'Scheduled Event', TDetail>;

export type EventBridgeHandler<TDetailType extends string = string, TDetail = unknown, TResult = void, TContext = LambdaContext> = Handler<
  EventBridgeEvent<TDetailType, TDetail>,
  TResult,
  TContext
>;
export type ScheduledHandler<TDetail = Record<string, unknown>, TContext = LambdaContext> = Handler<ScheduledEvent<TDetail>, void, TContext>;
