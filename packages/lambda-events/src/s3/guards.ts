import { isEventFrom } from '../eventbridge/guards.js';
import { field, firstRecord, isRecord } from '../internal/guard.js';
import type { S3EventBridgeEvent } from './eventbridge-types.js';
import type { S3BatchEvent, S3Event, S3ObjectLambdaEvent } from './types.js';

/**
 * An S3 event notification: `Records[0].eventSource` is "aws:s3".
 *
 * @example
 * ```ts
 * if (isS3Event(event)) for (const r of event.Records) console.log(r.s3.object.key);
 * ```
 */
export function isS3Event(x: unknown): x is S3Event {
  const r = firstRecord(x);
  return r !== undefined && r.eventSource === 'aws:s3' && isRecord(r.s3);
}

/** An S3 Batch Operations request: `invocationSchemaVersion`, `job` and `tasks`. */
export function isS3BatchEvent(x: unknown): x is S3BatchEvent {
  return typeof field(x, 'invocationSchemaVersion') === 'string' && Array.isArray(field(x, 'tasks')) && isRecord(field(x, 'job'));
}

/** An S3 Object Lambda request: `xAmzRequestId` and `configuration.accessPointArn`. */
export function isS3ObjectLambdaEvent(x: unknown): x is S3ObjectLambdaEvent {
  return typeof field(x, 'xAmzRequestId') === 'string' && typeof field(field(x, 'configuration'), 'accessPointArn') === 'string';
}

/** An S3 event delivered by EventBridge: `source` "aws.s3" and a `detail.bucket`. */
export function isS3EventBridgeEvent(x: unknown): x is S3EventBridgeEvent {
  return isEventFrom(x, 'aws.s3') && isRecord(field(field(x, 'detail'), 'bucket'));
}
