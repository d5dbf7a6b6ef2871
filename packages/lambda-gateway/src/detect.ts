import { isALBEvent } from '@tslambda/lambda-events/alb';
import { hasFunctionURLDomain, isAPIGatewayProxyEvent, isAPIGatewayProxyEventV2, isAPIGatewayProxyWebsocketEventV2 } from '@tslambda/lambda-events/api-gateway';
import { isVPCLatticeEvent, isVPCLatticeEventV2 } from '@tslambda/lambda-events/vpc-lattice';
import { UnsupportedEventError } from './errors.js';
import { alb } from './events/alb.js';
import { functionUrl, http } from './events/http.js';
import { latticeV1, latticeV2 } from './events/lattice.js';
import { rest, websocket } from './events/rest.js';
import type { EventAdapter } from './internal/parts.js';
import type { EventKind } from './types.js';

/**
 * Which service sent `event`: `'rest'`, `'http'`, `'function-url'`, `'alb'`,
 * `'websocket'`, `'lattice-v1'` or `'lattice-v2'`. Throws
 * {@link UnsupportedEventError} naming what was received otherwise.
 *
 * @example
 * ```ts
 * import { detectEventKind } from '@tslambda/lambda-gateway';
 * detectEventKind({ requestContext: { elb: { targetGroupArn: 'arn:...' } }, httpMethod: 'GET', path: '/' }); // 'alb'
 * ```
 */
export function detectEventKind(event: unknown): EventKind {
  return adapterFor(event).kind;
}

/** The adapter of an event's kind. */
export function adapterFor(event: unknown): EventAdapter<never> {
  if (isAPIGatewayProxyEventV2(event)) return hasFunctionURLDomain(event) ? functionUrl : http;
  if (isALBEvent(event)) return alb;
  if (isAPIGatewayProxyWebsocketEventV2(event)) return websocket;
  if (isAPIGatewayProxyEvent(event)) return rest;
  if (isVPCLatticeEventV2(event)) return latticeV2;
  if (isVPCLatticeEvent(event)) return latticeV1;
  throw new UnsupportedEventError(describe(event));
}

function describe(event: unknown): string {
  const expected = 'expected an HTTP event (API Gateway REST, HTTP or WebSocket API, ALB, Lambda Function URL, VPC Lattice)';
  if (event === null || typeof event !== 'object') return `${expected}; got ${event === null ? 'null' : typeof event}`;
  if (Array.isArray(event)) return `${expected}; got an array of ${event.length}`;
  const e = event as Record<string, unknown>;
  let what = '';
  if (e.type === 'TOKEN' || e.type === 'REQUEST') what = ' (an API Gateway authorizer request: use a plain handler for authorizers)';
  else if (Array.isArray(e.Records)) {
    const first = e.Records[0] as Record<string, unknown> | undefined;
    const source = first?.eventSource ?? first?.EventSource;
    if (typeof source === 'string') what = ` (records from ${source})`;
  } else if (typeof e['detail-type'] === 'string') what = ` (an EventBridge event "${e['detail-type']}")`;
  const keys = Object.keys(e);
  const shown = keys.slice(0, 8).join(', ') + (keys.length > 8 ? `, … ${keys.length - 8} more` : '');
  return `${expected}; got an object with keys ${shown || '(none)'}${what}`;
}
