import { isEventFrom } from '../eventbridge/guards.js';
import { field, isRecord } from '../internal/guard.js';
import type {
  CodePipelineCloudWatchActionEvent,
  CodePipelineCloudWatchPipelineEvent,
  CodePipelineCloudWatchStageEvent,
  CodePipelineEvent,
} from './types.js';

/**
 * A CodePipeline job: a `CodePipeline.job` object.
 *
 * @example
 * ```ts
 * if (isCodePipelineEvent(event)) console.log(event['CodePipeline.job'].id);
 * ```
 */
export function isCodePipelineEvent(x: unknown): x is CodePipelineEvent {
  return isRecord(field(x, 'CodePipeline.job'));
}

/** A pipeline execution state change (`source` "aws.codepipeline"). */
export function isCodePipelineCloudWatchPipelineEvent(x: unknown): x is CodePipelineCloudWatchPipelineEvent {
  return isEventFrom(x, 'aws.codepipeline', (d) => d === 'CodePipeline Pipeline Execution State Change');
}

/** A stage execution state change. */
export function isCodePipelineCloudWatchStageEvent(x: unknown): x is CodePipelineCloudWatchStageEvent {
  return isEventFrom(x, 'aws.codepipeline', (d) => d === 'CodePipeline Stage Execution State Change');
}

/** An action execution state change. */
export function isCodePipelineCloudWatchActionEvent(x: unknown): x is CodePipelineCloudWatchActionEvent {
  return isEventFrom(x, 'aws.codepipeline', (d) => d === 'CodePipeline Action Execution State Change');
}
