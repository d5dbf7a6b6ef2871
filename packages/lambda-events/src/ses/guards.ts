import { firstRecord, isRecord } from '../internal/guard.js';
import type { SESEvent } from './types.js';

/**
 * An SES receipt rule action: `Records[0].eventSource` is "aws:ses".
 *
 * @example
 * ```ts
 * if (isSESEvent(event)) console.log(event.Records[0]?.ses.mail.source);
 * ```
 */
export function isSESEvent(x: unknown): x is SESEvent {
  const r = firstRecord(x);
  return r !== undefined && r.eventSource === 'aws:ses' && isRecord(r.ses);
}
