import type { EventBridgeEvent } from '../eventbridge/types.js';
import type { Handler, LambdaContext } from '../handler.js';

export interface ECSAttribute {
  name: string;
  value?: string;
  targetType?: string;
  targetId?: string;
}

export interface ECSResource {
  name: string;
  type: string;
  doubleValue?: number;
  longValue?: number;
  integerValue?: number;
  stringSetValue?: string[];
}

/** `detail` of an "ECS Container Instance State Change" event. */
export interface ECSContainerInstanceStateChangeEventDetail {
  agentConnected: boolean;
  agentUpdateStatus?: string;
  attributes?: ECSAttribute[];
  clusterArn: string;
  containerInstanceArn: string;
  ec2InstanceId?: string;
  registeredResources: ECSResource[];
  remainingResources: ECSResource[];
  status: string;
  statusReason?: string;
  version: number;
  versionInfo: {
    agentHash?: string;
    agentVersion?: string;
    dockerVersion?: string;
  };
  updatedAt: string;
  accountType?: string;
  pendingTasksCount?: number;
  runningTasksCount?: number;
}

/** An ECS container instance state change delivered by EventBridge. */
export type ECSContainerInstanceStateChangeEvent = EventBridgeEvent<
  'ECS Container Instance State Change',
  ECSContainerInstanceStateChangeEventDetail
>;

export type ECSContainerInstanceStateChangeHandler<TContext = LambdaContext> = Handler<ECSContainerInstanceStateChangeEvent, void, TContext>;
