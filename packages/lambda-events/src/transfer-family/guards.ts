import { field } from '../internal/guard.js';
import type { TransferFamilyAuthorizerEvent } from './types.js';

/**
 * A Transfer Family identity provider request: `serverId`, `username` and `protocol`.
 *
 * @example
 * ```ts
 * if (isTransferFamilyAuthorizerEvent(event)) console.log(event.username);
 * ```
 */
export function isTransferFamilyAuthorizerEvent(x: unknown): x is TransferFamilyAuthorizerEvent {
  return typeof field(x, 'serverId') === 'string' && typeof field(x, 'username') === 'string' && typeof field(x, 'protocol') === 'string';
}
