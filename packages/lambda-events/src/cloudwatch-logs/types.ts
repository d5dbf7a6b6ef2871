import type { Handler, LambdaContext } from '../handler.js';

/**
 * A CloudWatch Logs subscription delivery: `awslogs.data` is the gzip of a
 * JSON {@link CloudWatchLogsDecodedData}, in base64. Read it with `decodeCloudWatchLogs(event)`.
 *
 * @example
 * ```ts
 * import { decodeCloudWatchLogs, type CloudWatchLogsHandler } from '@tslambda/lambda-events/cloudwatch-logs';
 * export const handler: CloudWatchLogsHandler = async (event) => {
 *   const data = await decodeCloudWatchLogs(event);
 *   for (const e of data.logEvents) console.log(e.message);
 * };
 * ```
 */
export interface CloudWatchLogsEvent {
  awslogs: CloudWatchLogsEventData;
}

export interface CloudWatchLogsEventData {
  data: string;
}

export interface CloudWatchLogsLogEvent {
  id: string;
  timestamp: number;
  message: string;
  extractedFields?: Record<string, string>;
}

/** The decoded payload. A `CONTROL_MESSAGE` checks that the destination is reachable and has no log events worth reading. */
export interface CloudWatchLogsDecodedData {
  owner: string;
  logGroup: string;
  logStream: string;
  subscriptionFilters: string[];
  messageType: 'DATA_MESSAGE' | 'CONTROL_MESSAGE';
  logEvents: CloudWatchLogsLogEvent[];
  /** Account-level subscription filters. */
  policyLevel?: string;
}

export type CloudWatchLogsHandler<TContext = LambdaContext> = Handler<CloudWatchLogsEvent, void, TContext>;
