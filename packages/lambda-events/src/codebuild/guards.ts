import { isEventFrom } from '../eventbridge/guards.js';
import type { CodeBuildCloudWatchStateEvent, CodeBuildPhaseChangeEvent } from './types.js';

/**
 * A CodeBuild build state change: `source` "aws.codebuild", `detail-type` "CodeBuild Build State Change".
 *
 * @example
 * ```ts
 * if (isCodeBuildCloudWatchStateEvent(event)) console.log(event.detail['build-status']);
 * ```
 */
export function isCodeBuildCloudWatchStateEvent(x: unknown): x is CodeBuildCloudWatchStateEvent {
  return isEventFrom(x, 'aws.codebuild', (d) => d === 'CodeBuild Build State Change');
}

/** A CodeBuild build phase change: `detail-type` "CodeBuild Build Phase Change". */
export function isCodeBuildPhaseChangeEvent(x: unknown): x is CodeBuildPhaseChangeEvent {
  return isEventFrom(x, 'aws.codebuild', (d) => d === 'CodeBuild Build Phase Change');
}
