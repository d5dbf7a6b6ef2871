import type { EventBridgeEvent } from '../eventbridge/types.js';
import type { Handler, LambdaContext } from '../handler.js';

/**
 * `detail` of an EC2 Auto Scaling event. Launch/terminate results carry the
 * activity fields, lifecycle actions the `Lifecycle*` fields.
 */
export interface AutoScalingEventDetail {
  AutoScalingGroupName: string;
  EC2InstanceId?: string;
  /** Activity results ("EC2 Instance Launch Successful", ...). */
  ActivityId?: string;
  StatusCode?: string;
  StatusMessage?: string;
  Description?: string;
  Details?: Record<string, string>;
  RequestId?: string;
  StartTime?: string;
  EndTime?: string;
  Cause?: string;
  /** Lifecycle actions ("EC2 Instance-launch Lifecycle Action", ...). */
  LifecycleActionToken?: string;
  LifecycleHookName?: string;
  LifecycleTransition?: string;
  NotificationMetadata?: string;
  /** Where the instance comes from and goes to ("EC2", "AutoScalingGroup", "WarmPool"). */
  Origin?: string;
  Destination?: string;
}

/**
 * An EC2 Auto Scaling event delivered by EventBridge (`source` "aws.autoscaling").
 *
 * @example
 * ```ts
 * import type { AutoScalingHandler } from '@tslambda/lambda-events/autoscaling';
 * export const handler: AutoScalingHandler = async (event) => console.log(event.detail.EC2InstanceId);
 * ```
 */
export type AutoScalingEvent = EventBridgeEvent<string, AutoScalingEventDetail>;

export type AutoScalingHandler<TContext = LambdaContext> = Handler<AutoScalingEvent, void, TContext>;
