import { field, firstRecord, isRecord } from '../internal/guard.js';
import type { DynamoDBStreamEvent, DynamoDBStreamTumblingWindowEvent } from './types.js';

/**
 * A DynamoDB Streams batch: `Records[0].eventSource` is "aws:dynamodb".
 * Tumbling-window batches pass too (see the nesting table).
 *
 * @example
 * ```ts
 * if (isDynamoDBStreamEvent(event)) console.log(event.Records.length);
 * ```
 */
export function isDynamoDBStreamEvent(x: unknown): x is DynamoDBStreamEvent {
  const r = firstRecord(x);
  return r !== undefined && r.eventSource === 'aws:dynamodb' && isRecord(r.dynamodb);
}

/** A DynamoDB Streams batch with a tumbling `window`. */
export function isDynamoDBStreamTumblingWindowEvent(x: unknown): x is DynamoDBStreamTumblingWindowEvent {
  if (!isRecord(field(x, 'window')) || typeof field(x, 'shardId') !== 'string') return false;
  // The final invocation of a window may carry no records: then the stream ARN tells.
  const records = field(x, 'Records');
  if (Array.isArray(records) && records.length === 0) return String(field(x, 'eventSourceARN')).includes(':dynamodb:');
  return isDynamoDBStreamEvent(x);
}
