import type { EventBridgeEvent } from '../eventbridge/types.js';
import type { Handler, LambdaContext } from '../handler.js';

export type CodePipelineState = 'STARTED' | 'SUCCEEDED' | 'RESUMED' | 'FAILED' | 'CANCELED' | 'SUPERSEDED' | 'STOPPING' | 'STOPPED';
export type CodePipelineStageState = 'STARTED' | 'SUCCEEDED' | 'RESUMED' | 'FAILED' | 'CANCELED' | 'STOPPING' | 'STOPPED';
export type CodePipelineActionState = 'STARTED' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'ABANDONED';

/** `detail` of a "CodePipeline Pipeline Execution State Change". */
export interface CodePipelineCloudWatchPipelineEventDetail {
  pipeline: string;
  version: number;
  state: CodePipelineState;
  'execution-id': string;
  'execution-trigger'?: { 'trigger-type': string; 'trigger-detail': string };
  'start-time'?: string;
  'pipeline-execution-attempt'?: number;
}
export type CodePipelineCloudWatchPipelineEvent = EventBridgeEvent<
  'CodePipeline Pipeline Execution State Change',
  CodePipelineCloudWatchPipelineEventDetail
>;

/** `detail` of a "CodePipeline Stage Execution State Change". */
export interface CodePipelineCloudWatchStageEventDetail {
  pipeline: string;
  version: number;
  'execution-id': string;
  /** Absent in some payloads. */
  stage?: string;
  state: CodePipelineStageState;
  'start-time'?: string;
  'pipeline-execution-attempt'?: number;
}
export type CodePipelineCloudWatchStageEvent = EventBridgeEvent<'CodePipeline Stage Execution State Change', CodePipelineCloudWatchStageEventDetail>;

/** An artifact named in an action execution event. */
export interface CodePipelineEventArtifact {
  name: string;
  s3location?: {
    bucket: string;
    key: string;
  };
}

/** `detail` of a "CodePipeline Action Execution State Change". */
export interface CodePipelineCloudWatchActionEventDetail {
  pipeline: string;
  version: number;
  'execution-id': string;
  stage: string;
  action: string;
  state: CodePipelineActionState;
  region: string;
  type: {
    owner: 'AWS' | 'Custom' | 'ThirdParty';
    category: string;
    provider: string;
    version: number;
  };
  'execution-result'?: {
    'external-execution-url'?: string;
    'external-execution-summary'?: string;
    'external-execution-id'?: string;
    'error-code'?: string;
  };
  'input-artifacts'?: CodePipelineEventArtifact[];
  'output-artifacts'?: CodePipelineEventArtifact[];
  'start-time'?: string;
  'pipeline-execution-attempt'?: number;
}
export type CodePipelineCloudWatchActionEvent = EventBridgeEvent<
  'CodePipeline Action Execution State Change',
  CodePipelineCloudWatchActionEventDetail
>;

/** Any of the three CodePipeline state-change events. */
export type CodePipelineCloudWatchEvent = CodePipelineCloudWatchPipelineEvent | CodePipelineCloudWatchStageEvent | CodePipelineCloudWatchActionEvent;

export interface CodePipelineS3Location {
  bucketName: string;
  objectKey: string;
}

export interface CodePipelineArtifact {
  location: {
    s3Location: CodePipelineS3Location;
    type: 'S3';
  };
  revision: string | null;
  name: string;
}

/** A CodePipeline job for a Lambda invoke action. Answer with `PutJobSuccessResult` or `PutJobFailureResult`. */
export interface CodePipelineEvent {
  'CodePipeline.job': {
    id: string;
    accountId: string;
    data: {
      actionConfiguration: {
        configuration: {
          FunctionName: string;
          UserParameters?: string;
        };
      };
      inputArtifacts: CodePipelineArtifact[];
      outputArtifacts: CodePipelineArtifact[];
      artifactCredentials: {
        secretAccessKey: string;
        sessionToken: string;
        accessKeyId: string;
      };
      continuationToken?: string;
      encryptionKey?: {
        id: string;
        type: 'KMS';
      };
    };
  };
}

export type CodePipelineHandler<TContext = LambdaContext> = Handler<CodePipelineEvent, void, TContext>;
export type CodePipelineCloudWatchHandler<TContext = LambdaContext> = Handler<CodePipelineCloudWatchEvent, void, TContext>;
export type CodePipelineCloudWatchPipelineHandler<TContext = LambdaContext> = Handler<CodePipelineCloudWatchPipelineEvent, void, TContext>;
export type CodePipelineCloudWatchStageHandler<TContext = LambdaContext> = Handler<CodePipelineCloudWatchStageEvent, void, TContext>;
export type CodePipelineCloudWatchActionHandler<TContext = LambdaContext> = Handler<CodePipelineCloudWatchActionEvent, void, TContext>;
