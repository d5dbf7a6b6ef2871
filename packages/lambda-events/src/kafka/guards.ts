import { field, isRecord } from '../internal/guard.js';
import type { MSKEvent, SelfManagedKafkaEvent } from './types.js';

/**
 * An Amazon MSK batch: `eventSource` "aws:kafka".
 *
 * @example
 * ```ts
 * if (isMSKEvent(event)) console.log(Object.keys(event.records));
 * ```
 */
export function isMSKEvent(x: unknown): x is MSKEvent {
  return field(x, 'eventSource') === 'aws:kafka' && isRecord(field(x, 'records'));
}

/** A self-managed Kafka batch: `eventSource` "SelfManagedKafka". */
export function isSelfManagedKafkaEvent(x: unknown): x is SelfManagedKafkaEvent {
  return field(x, 'eventSource') === 'SelfManagedKafka' && isRecord(field(x, 'records'));
}
