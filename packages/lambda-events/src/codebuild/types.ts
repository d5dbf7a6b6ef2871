import type { EventBridgeEvent } from '../eventbridge/types.js';
import type { Handler, LambdaContext } from '../handler.js';

export interface CodeBuildPhase {
  'phase-context'?: string[];
  'start-time': string;
  'end-time'?: string;
  'duration-in-seconds'?: number;
  'phase-type': string;
  'phase-status'?: string;
}

export interface CodeBuildEnvironmentVariable {
  name: string;
  type: 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER';
  value: string;
}

/** `detail['additional-information']` of a CodeBuild event. */
export interface CodeBuildEventAdditionalInformation {
  artifact?: {
    md5sum?: string;
    sha256sum?: string;
    location: string;
  };
  environment: {
    image: string;
    'privileged-mode': boolean;
    'image-pull-credentials-type'?: string;
    'compute-type': string;
    type: string;
    'environment-variables': CodeBuildEnvironmentVariable[];
  };
  'timeout-in-minutes': number;
  'queued-timeout-in-minutes'?: number;
  'build-complete': boolean;
  'build-number'?: number;
  initiator: string;
  'build-start-time': string;
  source: {
    buildspec?: string;
    location?: string;
    type: string;
  };
  'source-version'?: string;
  logs?: {
    'group-name': string;
    'stream-name': string;
    'deep-link': string;
  };
  phases?: CodeBuildPhase[];
}

/** `detail` of a "CodeBuild Build State Change" event. */
export interface CodeBuildStateEventDetail {
  'build-status': 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'STOPPED' | 'FAULT' | 'TIMED_OUT';
  'project-name': string;
  'build-id': string;
  'additional-information': CodeBuildEventAdditionalInformation;
  'current-phase': string;
  'current-phase-context': string;
  version: string;
}

/** A CodeBuild build state change delivered by EventBridge. */
export type CodeBuildCloudWatchStateEvent = EventBridgeEvent<'CodeBuild Build State Change', CodeBuildStateEventDetail>;

/** `detail` of a "CodeBuild Build Phase Change" event. */
export interface CodeBuildPhaseChangeEventDetail {
  'completed-phase': string;
  'project-name': string;
  'build-id': string;
  'completed-phase-context': string;
  'additional-information': CodeBuildEventAdditionalInformation;
  'completed-phase-status': string;
  'completed-phase-duration-seconds': number;
  version: string;
  'completed-phase-start': string;
  'completed-phase-end': string;
}

/** A CodeBuild build phase change delivered by EventBridge. */
export type CodeBuildPhaseChangeEvent = EventBridgeEvent<'CodeBuild Build Phase Change', CodeBuildPhaseChangeEventDetail>;

export type CodeBuildCloudWatchStateHandler<TContext = LambdaContext> = Handler<CodeBuildCloudWatchStateEvent, void, TContext>;
export type CodeBuildPhaseChangeHandler<TContext = LambdaContext> = Handler<CodeBuildPhaseChangeEvent, void, TContext>;
