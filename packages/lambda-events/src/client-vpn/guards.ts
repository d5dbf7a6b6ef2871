import { field } from '../internal/guard.js';
import type { ClientVPNConnectionHandlerEvent } from './types.js';

/**
 * A Client VPN connection handler request: `connection-id` and `endpoint-id`.
 *
 * @example
 * ```ts
 * if (isClientVPNConnectionHandlerEvent(event)) console.log(event['public-ip']);
 * ```
 */
export function isClientVPNConnectionHandlerEvent(x: unknown): x is ClientVPNConnectionHandlerEvent {
  return typeof field(x, 'connection-id') === 'string' && typeof field(x, 'endpoint-id') === 'string';
}
