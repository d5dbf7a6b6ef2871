import type { Handler, LambdaContext } from '../handler.js';
import type { JsonString } from '../json-string.js';

/** System attributes of an SQS message. FIFO queues add the group, deduplication id and sequence number. */
export interface SQSRecordAttributes {
  AWSTraceHeader?: string;
  ApproximateReceiveCount: string;
  SentTimestamp: string;
  SenderId: string;
  ApproximateFirstReceiveTimestamp: string;
  SequenceNumber?: string;
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
  DeadLetterQueueSourceArn?: string;
}

export type SQSMessageAttributeDataType = 'String' | 'Number' | 'Binary' | (string & {});

/** A message attribute; binary values are base64. */
export interface SQSMessageAttribute {
  stringValue?: string;
  binaryValue?: string;
  stringListValues?: string[];
  binaryListValues?: string[];
  dataType: SQSMessageAttributeDataType;
}

export interface SQSMessageAttributes {
  [name: string]: SQSMessageAttribute;
}

/** One SQS message. `TBody` is the type of the JSON in `body`, for `parseBody`. */
export interface SQSRecord<TBody = unknown> {
  messageId: string;
  receiptHandle: string;
  body: JsonString<TBody>;
  attributes: SQSRecordAttributes;
  messageAttributes: SQSMessageAttributes;
  md5OfBody: string;
  /** Absent (or null) when the message has no attributes. */
  md5OfMessageAttributes?: string | null;
  eventSource: string;
  eventSourceARN: string;
  awsRegion: string;
}

/**
 * A batch of SQS messages.
 *
 * @example
 * ```ts
 * import { parseBody, type SQSHandler } from '@tslambda/lambda-events/sqs';
 * export const handler: SQSHandler<{ orderId: string }> = async (event) => {
 *   for (const record of event.Records) console.log(parseBody(record).orderId);
 * };
 * ```
 */
export interface SQSEvent<TBody = unknown> {
  Records: Array<SQSRecord<TBody>>;
}

export interface SQSBatchItemFailure {
  itemIdentifier: string;
}

/** The partial batch response (`ReportBatchItemFailures`): the message ids to retry. */
export interface SQSBatchResponse {
  batchItemFailures: SQSBatchItemFailure[];
}

export type SQSHandler<TBody = unknown, TContext = LambdaContext> = Handler<SQSEvent<TBody>, SQSBatchResponse | void, TContext>;
