import { field, firstRecord, isRecord } from '../internal/guard.js';
import type { KinesisStreamEvent, KinesisStreamTumblingWindowEvent } from './types.js';

/**
 * A Kinesis Data Streams batch: `Records[0].eventSource` is "aws:kinesis".
 * Tumbling-window batches pass too (see the nesting table).
 *
 * @example
 * ```ts
 * if (isKinesisStreamEvent(event)) console.log(event.Records.length);
 * ```
 */
export function isKinesisStreamEvent(x: unknown): x is KinesisStreamEvent {
  const r = firstRecord(x);
  return r !== undefined && r.eventSource === 'aws:kinesis' && isRecord(r.kinesis);
}

/** A Kinesis batch with a tumbling `window`. */
export function isKinesisStreamTumblingWindowEvent(x: unknown): x is KinesisStreamTumblingWindowEvent {
  if (!isRecord(field(x, 'window')) || typeof field(x, 'shardId') !== 'string') return false;
  const records = field(x, 'Records');
  if (Array.isArray(records) && records.length === 0) return String(field(x, 'eventSourceARN')).includes(':kinesis:');
  return isKinesisStreamEvent(x);
}
