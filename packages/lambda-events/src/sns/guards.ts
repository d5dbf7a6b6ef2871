import { firstRecord, isRecord } from '../internal/guard.js';
import type { SNSEvent } from './types.js';

/**
 * SNS notifications: `Records[0].EventSource` is "aws:sns".
 *
 * @example
 * ```ts
 * if (isSNSEvent(event)) console.log(event.Records[0]?.Sns.TopicArn);
 * ```
 */
export function isSNSEvent(x: unknown): x is SNSEvent {
  const r = firstRecord(x);
  return r !== undefined && r.EventSource === 'aws:sns' && isRecord(r.Sns);
}
