import type { Handler, LambdaContext } from '../handler.js';

export interface CodeCommitTriggerReference {
  commit: string;
  ref: string;
  created?: boolean;
  deleted?: boolean;
}

export interface CodeCommitTriggerRecord {
  awsRegion: string;
  codecommit: {
    references: CodeCommitTriggerReference[];
  };
  customData?: string;
  eventId: string;
  eventName: string;
  eventPartNumber: number;
  eventSource: string;
  eventSourceARN: string;
  eventTime: string;
  eventTotalParts: number;
  eventTriggerConfigId: string;
  eventTriggerName: string;
  eventVersion: string;
  userIdentityARN: string;
}

/**
 * A CodeCommit repository trigger.
 *
 * @example
 * ```ts
 * import type { CodeCommitTriggerHandler } from '@tslambda/lambda-events/codecommit';
 * export const handler: CodeCommitTriggerHandler = async (event) => console.log(event.Records[0]?.codecommit.references);
 * ```
 */
export interface CodeCommitTriggerEvent {
  Records: CodeCommitTriggerRecord[];
}

export type CodeCommitTriggerHandler<TContext = LambdaContext> = Handler<CodeCommitTriggerEvent, void, TContext>;
