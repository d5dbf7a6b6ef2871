import type { BatchResponse } from '../batch/types.js';
import type { TumblingWindow } from '../dynamodb/types.js';
import type { Handler, LambdaContext } from '../handler.js';

export interface KinesisStreamRecordPayload {
  /** Seconds since the epoch, with a fraction. */
  approximateArrivalTimestamp: number;
  /** Base64 of the record's bytes: `decodeKinesisData(record)`. */
  data: string;
  kinesisSchemaVersion: string;
  partitionKey: string;
  sequenceNumber: string;
  encryptionType?: string;
}

export interface KinesisStreamRecord {
  awsRegion: string;
  eventID: string;
  eventName: string;
  eventSource: string;
  eventSourceARN: string;
  eventVersion: string;
  invokeIdentityArn: string;
  kinesis: KinesisStreamRecordPayload;
}

/**
 * A Kinesis Data Streams batch.
 *
 * @example
 * ```ts
 * import { decodeKinesisText, type KinesisStreamHandler } from '@tslambda/lambda-events/kinesis';
 * export const handler: KinesisStreamHandler = async (event) => {
 *   for (const r of event.Records) console.log(decodeKinesisText(r));
 * };
 * ```
 */
export interface KinesisStreamEvent {
  Records: KinesisStreamRecord[];
}

/** A Kinesis batch with a tumbling window; the state returned by the previous invocation comes back. */
export interface KinesisStreamTumblingWindowEvent extends KinesisStreamEvent {
  window: TumblingWindow;
  state?: Record<string, string>;
  shardId: string;
  eventSourceARN: string;
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

export interface KinesisStreamBatchItemFailure {
  itemIdentifier: string;
}

/** Partial batch response: the sequence numbers to retry from. */
export interface KinesisStreamBatchResponse extends BatchResponse {
  batchItemFailures: KinesisStreamBatchItemFailure[];
}

/** What a tumbling-window invocation returns: the state to pass on. */
export interface KinesisStreamStateResponse {
  state: Record<string, string>;
  batchItemFailures?: KinesisStreamBatchItemFailure[];
}

export type KinesisStreamHandler<TContext = LambdaContext> = Handler<KinesisStreamEvent, KinesisStreamBatchResponse | void, TContext>;
export type KinesisStreamTumblingWindowHandler<TContext = LambdaContext> = Handler<
  KinesisStreamTumblingWindowEvent,
  KinesisStreamStateResponse,
  TContext
>;
