import type { BatchResponse } from '../batch/types.js';
import type { Handler, LambdaContext } from '../handler.js';

/** A DynamoDB attribute value in the wire format (binary values as base64). */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { M: { [name: string]: AttributeValue } }
  | { L: AttributeValue[] }
  | { NULL: boolean }
  | { BOOL: boolean };

/** An item, key or image: attribute name to value. */
export interface AttributeMap {
  [name: string]: AttributeValue;
}

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

/** The `dynamodb` part of a stream record. */
export interface StreamRecord {
  /** Seconds since the epoch (DynamoDB Streams) or milliseconds/microseconds (Kinesis Data Streams for DynamoDB). */
  ApproximateCreationDateTime?: number;
  ApproximateCreationDateTimePrecision?: 'MILLISECOND' | 'MICROSECOND';
  Keys?: AttributeMap;
  NewImage?: AttributeMap;
  OldImage?: AttributeMap;
  SequenceNumber?: string;
  SizeBytes?: number;
  StreamViewType?: StreamViewType;
}

/** Who made the change: present for TTL deletions ("Service", "dynamodb.amazonaws.com"). */
export interface DynamoDBUserIdentity {
  type: string;
  principalId: string;
}

/**
 * One DynamoDB Streams record (also the record format of Kinesis Data Streams
 * for DynamoDB, which adds `recordFormat` and `tableName`).
 */
export interface DynamoDBRecord {
  awsRegion?: string;
  dynamodb?: StreamRecord;
  eventID?: string;
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventSource?: string;
  eventSourceARN?: string;
  eventVersion?: string;
  userIdentity?: DynamoDBUserIdentity | null;
  recordFormat?: string;
  tableName?: string;
}

/**
 * A DynamoDB Streams batch.
 *
 * @example
 * ```ts
 * import { unmarshall, type DynamoDBStreamHandler } from '@tslambda/lambda-events/dynamodb';
 * export const handler: DynamoDBStreamHandler = async (event) => {
 *   for (const r of event.Records) if (r.dynamodb?.NewImage) console.log(unmarshall(r.dynamodb.NewImage));
 * };
 * ```
 */
export interface DynamoDBStreamEvent {
  Records: DynamoDBRecord[];
}

/** The window of a tumbling-window invocation. */
export interface TumblingWindow {
  start: string;
  end: string;
}

/** A DynamoDB Streams batch with a tumbling window: the state returned by the previous invocation comes back. */
export interface DynamoDBStreamTumblingWindowEvent extends DynamoDBStreamEvent {
  window: TumblingWindow;
  state?: Record<string, string>;
  shardId: string;
  eventSourceARN: string;
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

export interface DynamoDBBatchItemFailure {
  itemIdentifier: string;
}

/** Partial batch response: the sequence numbers to retry from. */
export interface DynamoDBBatchResponse extends BatchResponse {
  batchItemFailures: DynamoDBBatchItemFailure[];
}

/** What a tumbling-window invocation returns: the state to pass on. */
export interface DynamoDBStreamTumblingWindowResult {
  state: Record<string, string>;
  batchItemFailures?: DynamoDBBatchItemFailure[];
}

export type DynamoDBStreamHandler<TContext = LambdaContext> = Handler<DynamoDBStreamEvent, DynamoDBBatchResponse | void, TContext>;
export type DynamoDBStreamTumblingWindowHandler<TContext = LambdaContext> = Handler<
  DynamoDBStreamTumblingWindowEvent,
  DynamoDBStreamTumblingWindowResult,
  TContext
>;
