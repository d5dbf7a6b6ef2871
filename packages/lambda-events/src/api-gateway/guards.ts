import { field, isRecord } from '../internal/guard.js';
import type { APIGatewayRequestAuthorizerEvent, APIGatewayRequestAuthorizerEventV2, APIGatewayTokenAuthorizerEvent } from './authorizer.js';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
} from './http.js';
import type { APIGatewayProxyEvent } from './rest.js';
import type { APIGatewayProxyWebsocketEventV2 } from './websocket.js';

/** A function URL's `requestContext.domainName` is `<url-id>.lambda-url.<region>.on.aws`. */
export function hasFunctionURLDomain(x: unknown): boolean {
  const domain = field(field(x, 'requestContext'), 'domainName');
  return typeof domain === 'string' && domain.includes('.lambda-url.');
}

/**
 * A REST API proxy request (payload 1.0): `httpMethod`, `resource` and a
 * `requestContext` without a WebSocket `connectionId`; not an authorizer request.
 *
 * @example
 * ```ts
 * if (isAPIGatewayProxyEvent(event)) console.log(event.httpMethod, event.path);
 * ```
 */
export function isAPIGatewayProxyEvent(x: unknown): x is APIGatewayProxyEvent {
  if (!isRecord(x) || typeof x.httpMethod !== 'string' || typeof x.resource !== 'string' || typeof x.path !== 'string') return false;
  const rc = x.requestContext;
  return isRecord(rc) && rc.connectionId === undefined && x.type === undefined && x.methodArn === undefined;
}

/**
 * An HTTP API request (payload 2.0): `version` "2.0", `rawPath` and
 * `requestContext.http`. Also true for the authorizer variants and for
 * function URL requests, which share the shape (see the nesting table in docs/events.md).
 */
export function isAPIGatewayProxyEventV2(x: unknown): x is APIGatewayProxyEventV2 {
  if (!isRecord(x) || x.version !== '2.0' || typeof x.rawPath !== 'string' || x.type !== undefined) return false;
  return isRecord(field(x.requestContext, 'http'));
}

function authorizerOf(x: unknown): unknown {
  return field(field(x, 'requestContext'), 'authorizer');
}

/** An HTTP API request whose route has a JWT authorizer (`requestContext.authorizer.jwt`). */
export function isAPIGatewayProxyEventV2WithJWTAuthorizer(x: unknown): x is APIGatewayProxyEventV2WithJWTAuthorizer {
  return isAPIGatewayProxyEventV2(x) && isRecord(field(authorizerOf(x), 'jwt'));
}

/** An HTTP API request with IAM authorization (`requestContext.authorizer.iam`), not a function URL request. */
export function isAPIGatewayProxyEventV2WithIAMAuthorizer(x: unknown): x is APIGatewayProxyEventV2WithIAMAuthorizer {
  return isAPIGatewayProxyEventV2(x) && isRecord(field(authorizerOf(x), 'iam')) && !hasFunctionURLDomain(x);
}

/** An HTTP API request whose route has a Lambda authorizer (`requestContext.authorizer.lambda`). */
export function isAPIGatewayProxyEventV2WithLambdaAuthorizer(x: unknown): x is APIGatewayProxyEventV2WithLambdaAuthorizer {
  return isAPIGatewayProxyEventV2(x) && field(authorizerOf(x), 'lambda') !== undefined;
}

/** A WebSocket API request: `requestContext.connectionId` and `eventType`. */
export function isAPIGatewayProxyWebsocketEventV2(x: unknown): x is APIGatewayProxyWebsocketEventV2 {
  const rc = field(x, 'requestContext');
  return typeof field(rc, 'connectionId') === 'string' && typeof field(rc, 'eventType') === 'string';
}

/** A TOKEN authorizer request. */
export function isAPIGatewayTokenAuthorizerEvent(x: unknown): x is APIGatewayTokenAuthorizerEvent {
  return field(x, 'type') === 'TOKEN' && typeof field(x, 'methodArn') === 'string';
}

/** A REQUEST authorizer request (REST, or HTTP API payload 1.0): `type` "REQUEST" and `methodArn`. */
export function isAPIGatewayRequestAuthorizerEvent(x: unknown): x is APIGatewayRequestAuthorizerEvent {
  return field(x, 'type') === 'REQUEST' && typeof field(x, 'methodArn') === 'string';
}

/** An HTTP API authorizer request (payload 2.0): `type` "REQUEST" and `routeArn`. */
export function isAPIGatewayRequestAuthorizerEventV2(x: unknown): x is APIGatewayRequestAuthorizerEventV2 {
  return field(x, 'type') === 'REQUEST' && typeof field(x, 'routeArn') === 'string';
}
