import { isEventFrom } from '../eventbridge/guards.js';
import { field } from '../internal/guard.js';
import type { CodeDeployDeploymentEvent, CodeDeployInstanceEvent, CodeDeployLifecycleHookEvent } from './types.js';

/**
 * A CodeDeploy deployment state change: `source` "aws.codedeploy", `detail-type` "CodeDeploy Deployment State-change Notification".
 *
 * @example
 * ```ts
 * if (isCodeDeployDeploymentEvent(event)) console.log(event.detail.state);
 * ```
 */
export function isCodeDeployDeploymentEvent(x: unknown): x is CodeDeployDeploymentEvent {
  return isEventFrom(x, 'aws.codedeploy', (d) => d === 'CodeDeploy Deployment State-change Notification');
}

/** A CodeDeploy instance state change: `detail-type` "CodeDeploy Instance State-change Notification". */
export function isCodeDeployInstanceEvent(x: unknown): x is CodeDeployInstanceEvent {
  return isEventFrom(x, 'aws.codedeploy', (d) => d === 'CodeDeploy Instance State-change Notification');
}

/** A CodeDeploy lifecycle hook: `DeploymentId` and `LifecycleEventHookExecutionId`. */
export function isCodeDeployLifecycleHookEvent(x: unknown): x is CodeDeployLifecycleHookEvent {
  return typeof field(x, 'DeploymentId') === 'string' && typeof field(x, 'LifecycleEventHookExecutionId') === 'string';
}
