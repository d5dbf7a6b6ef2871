import { field, isRecord } from '../internal/guard.js';
import type { ConnectContactFlowEvent } from './types.js';

/**
 * A contact flow invocation: `Name` "ContactFlowEvent" and `Details.ContactData`.
 *
 * @example
 * ```ts
 * if (isConnectContactFlowEvent(event)) console.log(event.Details.ContactData.ContactId);
 * ```
 */
export function isConnectContactFlowEvent(x: unknown): x is ConnectContactFlowEvent {
  return field(x, 'Name') === 'ContactFlowEvent' && isRecord(field(field(x, 'Details'), 'ContactData'));
}
