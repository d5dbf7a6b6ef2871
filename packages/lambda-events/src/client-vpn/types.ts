import type { Handler, LambdaContext } from '../handler.js';

/**
 * An AWS Client VPN connection handler request.
 *
 * @example
 * ```ts
 * import type { ClientVPNConnectionHandler } from '@tslambda/lambda-events/client-vpn';
 * export const handler: ClientVPNConnectionHandler = async (event) => ({
 *   allow: event.username !== 'blocked', 'error-msg-on-failed-posture-compliance': '', 'posture-compliance-statuses': [], 'schema-version': 'v1',
 * });
 * ```
 */
export interface ClientVPNConnectionHandlerEvent {
  'connection-id': string;
  'endpoint-id': string;
  'common-name': string;
  username: string;
  platform: string;
  'platform-version': string;
  'public-ip': string;
  'client-openvpn-version': string;
  'schema-version': string;
}

/** The connection handler's answer. */
export interface ClientVPNConnectionHandlerResult {
  allow: boolean;
  'error-msg-on-failed-posture-compliance': string;
  'posture-compliance-statuses': string[];
  'schema-version': string;
}

export type ClientVPNConnectionHandler<TContext = LambdaContext> = Handler<ClientVPNConnectionHandlerEvent, ClientVPNConnectionHandlerResult, TContext>;
