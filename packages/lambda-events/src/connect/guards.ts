import { field, isRecord } from '../internal/guard.js';
import type { ConnectContactFlowEvent } from './types.js';

/**
 * A contact flow invocation: `Details.ContactData.ContactId` and `Details.Parameters`.
 *
 * @example
 * ```ts
 * if (isConnectContactFlowEvent(event)) console.log(event.Details.ContactData.ContactId);
 * ```
 */
export function isConnectContactFlowEvent(x: unknown): x is ConnectContactFlowEvent {
  const details = field(x, 'Details');
  return typeof field(field(details, 'ContactData'), 'ContactId') === 'string' && isRecord(field(details, 'Parameters'));
}
