import { LambdaEventError } from '../errors.js';
import { isEventBridgeEvent } from '../eventbridge/guards.js';
import type { EventBridgeEvent } from '../eventbridge/types.js';
import { field, isRecord } from '../internal/guard.js';
import { parseJson } from '../internal/utf8.js';
import type { S3EventBridgeDetail } from '../s3/eventbridge-types.js';
import type { S3EventRecord } from '../s3/types.js';
import type { SNSNotification } from './types.js';

function notAnEnvelope(what: string, path: string): never {
  throw new LambdaEventError('NOT_AN_ENVELOPE', `not ${what}`, { path });
}

function isSNSNotification(x: unknown): x is SNSNotification {
  return isRecord(x) && x.Type === 'Notification' && typeof x.TopicArn === 'string' && typeof x.Message === 'string';
}

/**
 * The SNS notification inside an SQS message (SNS → SQS without raw message
 * delivery). Throws `LambdaEventError` (`INVALID_JSON`, `NOT_AN_ENVELOPE`).
 *
 * @example
 * ```ts
 * const { Message, TopicArn } = unwrapSNSFromSQS(record);
 * ```
 */
export function unwrapSNSFromSQS(record: { body: string }): SNSNotification {
  const body = parseJson(record.body, 'body');
  if (!isSNSNotification(body)) notAnEnvelope('an SNS notification (Type "Notification", TopicArn, Message)', 'body');
  return body;
}

function s3Records(value: unknown, path: string): S3EventRecord[] {
  // S3 sends a test message when a notification is configured: no records.
  if (field(value, 'Event') === 's3:TestEvent') return [];
  const records = field(value, 'Records');
  if (!Array.isArray(records) || !records.every((r) => field(r, 'eventSource') === 'aws:s3' && isRecord(field(r, 's3')))) {
    notAnEnvelope('an S3 event notification (Records with eventSource "aws:s3")', path);
  }
  return records as S3EventRecord[];
}

/**
 * The S3 event records inside an SQS message, sent by S3 directly or through
 * SNS (S3 → SNS → SQS). The `s3:TestEvent` S3 sends when a notification is
 * set up yields no records.
 *
 * @example
 * ```ts
 * for (const r of unwrapS3FromSQS(record)) console.log(s3ObjectKey(r));
 * ```
 */
export function unwrapS3FromSQS(record: { body: string }): S3EventRecord[] {
  const body = parseJson(record.body, 'body');
  if (isSNSNotification(body)) return s3Records(parseJson(body.Message, 'body.Message'), 'body.Message');
  return s3Records(body, 'body');
}

/**
 * The S3 event records inside an SNS notification (S3 → SNS → Lambda).
 *
 * @example
 * ```ts
 * for (const r of unwrapS3FromSNS(event.Records[0]!.Sns)) console.log(r.s3.object.key);
 * ```
 */
export function unwrapS3FromSNS(message: { Message: string }): S3EventRecord[] {
  return s3Records(parseJson(message.Message, 'Message'), 'Message');
}

/**
 * The S3 detail of an S3 event delivered by EventBridge (`source` "aws.s3").
 * The object key is as EventBridge sends it.
 *
 * @example
 * ```ts
 * const { bucket, object } = unwrapS3FromEventBridge(event);
 * ```
 */
export function unwrapS3FromEventBridge(event: unknown): S3EventBridgeDetail {
  if (!isEventBridgeEvent(event) || event.source !== 'aws.s3') notAnEnvelope('an EventBridge event from aws.s3', 'source');
  const detail = event.detail;
  if (!isRecord(field(detail, 'bucket')) || typeof field(field(detail, 'object'), 'key') !== 'string') {
    notAnEnvelope('an S3 detail (bucket, object.key)', 'detail');
  }
  return detail as S3EventBridgeDetail;
}

/**
 * The EventBridge event inside an SQS message (EventBridge rule → SQS target).
 *
 * @example
 * ```ts
 * const event = unwrapEventBridgeFromSQS<'Order Placed', Order>(record);
 * ```
 */
export function unwrapEventBridgeFromSQS<TDetailType extends string = string, TDetail = unknown>(record: {
  body: string;
}): EventBridgeEvent<TDetailType, TDetail> {
  const body = parseJson(record.body, 'body');
  if (!isEventBridgeEvent(body)) notAnEnvelope('an EventBridge event', 'body');
  return body as EventBridgeEvent<TDetailType, TDetail>;
}
