import type { Handler, LambdaContext } from '../handler.js';
import type {
  APIGatewayEventIdentity,
  APIGatewayProxyEventHeaders,
  APIGatewayProxyEventMultiValueHeaders,
  APIGatewayProxyEventMultiValueQueryStringParameters,
  APIGatewayProxyEventPathParameters,
  APIGatewayProxyEventQueryStringParameters,
  APIGatewayProxyEventStageVariables,
} from './common.js';
import type { APIGatewayProxyResultV2 } from './http.js';

/** `requestContext` of a WebSocket API request. */
export interface APIGatewayEventWebsocketRequestContextV2 {
  routeKey: string;
  /** Set on MESSAGE events; absent or null on CONNECT and DISCONNECT. */
  messageId?: string | null;
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
  extendedRequestId: string;
  requestTime: string;
  messageDirection: 'IN';
  stage: string;
  connectedAt: number;
  requestTimeEpoch: number;
  requestId: string;
  domainName: string;
  connectionId: string;
  apiId: string;
  identity?: APIGatewayEventIdentity;
  /** DISCONNECT: the WebSocket close code and reason. */
  disconnectStatusCode?: number;
  disconnectReason?: string;
  /** Output of a Lambda authorizer on the $connect route. */
  authorizer?: Record<string, unknown> | null;
  accountId?: string;
  resourceId?: string;
  resourcePath?: string;
  httpMethod?: string;
  error?: string;
  integrationLatency?: string;
  status?: string;
}

/** A WebSocket API request, generic over its `requestContext`. */
export interface APIGatewayProxyWebsocketEventV2WithRequestContext<TRequestContext> {
  requestContext: TRequestContext;
  body?: string;
  isBase64Encoded?: boolean;
  /** $connect requests carry the handshake's headers and query string. */
  headers?: APIGatewayProxyEventHeaders;
  multiValueHeaders?: APIGatewayProxyEventMultiValueHeaders;
  queryStringParameters?: APIGatewayProxyEventQueryStringParameters | null;
  multiValueQueryStringParameters?: APIGatewayProxyEventMultiValueQueryStringParameters | null;
  stageVariables?: APIGatewayProxyEventStageVariables | null;
  /** REST-style fields found in some WebSocket payloads. */
  resource?: string;
  path?: string;
  httpMethod?: string;
  pathParameters?: APIGatewayProxyEventPathParameters | null;
}

/**
 * An API Gateway WebSocket API request ($connect, $disconnect, messages).
 *
 * @example
 * ```ts
 * import type { APIGatewayProxyWebsocketHandlerV2 } from '@tslambda/lambda-events/api-gateway';
 * export const handler: APIGatewayProxyWebsocketHandlerV2 = async (event) =>
 *   ({ statusCode: event.requestContext.eventType === 'CONNECT' ? 200 : 204 });
 * ```
 */
export type APIGatewayProxyWebsocketEventV2 = APIGatewayProxyWebsocketEventV2WithRequestContext<APIGatewayEventWebsocketRequestContextV2>;

export type APIGatewayProxyWebsocketHandlerV2<T = never, TContext = LambdaContext> = Handler<
  APIGatewayProxyWebsocketEventV2,
  APIGatewayProxyResultV2<T>,
  TContext
>;
