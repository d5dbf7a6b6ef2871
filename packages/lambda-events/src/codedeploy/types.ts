import type { EventBridgeEvent } from '../eventbridge/types.js';
import type { Handler, LambdaContext } from '../handler.js';

/** `detail` of a "CodeDeploy Deployment State-change Notification". */
export interface CodeDeployDeploymentEventDetail {
  instanceGroupId: string;
  region: string;
  application: string;
  deploymentId: string;
  /** START, SUCCESS, FAILURE, STOP, READY... */
  state: string;
  deploymentGroup: string;
}

/** A CodeDeploy deployment state change delivered by EventBridge. */
export type CodeDeployDeploymentEvent = EventBridgeEvent<'CodeDeploy Deployment State-change Notification', CodeDeployDeploymentEventDetail>;

/** `detail` of a "CodeDeploy Instance State-change Notification". */
export interface CodeDeployInstanceEventDetail {
  instanceId: string;
  region: string;
  state: string;
  application: string;
  deploymentId: string;
  instanceGroupId: string;
  deploymentGroup: string;
}

/** A CodeDeploy instance state change delivered by EventBridge. */
export type CodeDeployInstanceEvent = EventBridgeEvent<'CodeDeploy Instance State-change Notification', CodeDeployInstanceEventDetail>;

/**
 * A CodeDeploy lifecycle hook invocation (BeforeAllowTraffic, AfterAllowTraffic...
 * for Lambda and ECS deployments). Report the outcome with
 * `PutLifecycleEventHookExecutionStatus`.
 */
export interface CodeDeployLifecycleHookEvent {
  DeploymentId: string;
  LifecycleEventHookExecutionId: string;
}

export type CodeDeployDeploymentHandler<TContext = LambdaContext> = Handler<CodeDeployDeploymentEvent, void, TContext>;
export type CodeDeployInstanceHandler<TContext = LambdaContext> = Handler<CodeDeployInstanceEvent, void, TContext>;
export type CodeDeployLifecycleHookHandler<TContext = LambdaContext> = Handler<CodeDeployLifecycleHookEvent, void, TContext>;
