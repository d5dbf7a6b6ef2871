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

/** What a Lambda or Cognito authorizer put in `requestContext.authorizer` (null or absent without one). */
export type APIGatewayEventDefaultAuthorizerContext = Record<string, unknown> | null | undefined;

/** `requestContext.authorizer` of a REST API method behind a Lambda authorizer: its `context` plus `principalId`. */
export type APIGatewayEventLambdaAuthorizerContext<TAuthorizerContext> = TAuthorizerContext & {
  principalId: string;
  integrationLatency: number;
};

/** `requestContext` of a REST API (payload 1.0) request. */
export interface APIGatewayEventRequestContextWithAuthorizer<TAuthorizerContext> {
  accountId: string;
  apiId: string;
  /** Authorizer output; absent (or null) when the method has no authorizer. */
  authorizer?: TAuthorizerContext | null;
  connectedAt?: number;
  connectionId?: string;
  domainName?: string;
  domainPrefix?: string;
  eventType?: string;
  extendedRequestId?: string | null;
  protocol?: string;
  httpMethod: string;
  identity: APIGatewayEventIdentity;
  messageDirection?: string;
  messageId?: string | null;
  operationName?: string;
  path?: string;
  stage: string;
  requestId: string;
  requestTime?: string;
  requestTimeEpoch: number;
  resourceId: string;
  resourcePath: string;
  routeKey?: string;
}

export type APIGatewayEventRequestContext = APIGatewayEventRequestContextWithAuthorizer<APIGatewayEventDefaultAuthorizerContext>;

/** A REST API proxy request (payload format 1.0), generic over the authorizer output. */
export interface APIGatewayProxyEventBase<TAuthorizerContext> {
  /** Payload version, "1.0" when present (HTTP APIs with payload 1.0, SAM). */
  version?: string;
  resource: string;
  path: string;
  httpMethod: string;
  /** null when the request has no headers (console test invocations). */
  headers: APIGatewayProxyEventHeaders | null;
  multiValueHeaders?: APIGatewayProxyEventMultiValueHeaders | null;
  queryStringParameters?: APIGatewayProxyEventQueryStringParameters | null;
  multiValueQueryStringParameters?: APIGatewayProxyEventMultiValueQueryStringParameters | null;
  pathParameters?: APIGatewayProxyEventPathParameters | null;
  stageVariables?: APIGatewayProxyEventStageVariables | null;
  requestContext: APIGatewayEventRequestContextWithAuthorizer<TAuthorizerContext>;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/**
 * An API Gateway REST API proxy request (payload format 1.0).
 *
 * @example
 * ```ts
 * import type { APIGatewayProxyHandler } from '@tslambda/lambda-events/api-gateway';
 * export const handler: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: event.path });
 * ```
 */
export type APIGatewayProxyEvent = APIGatewayProxyEventBase<APIGatewayEventDefaultAuthorizerContext>;
/** A REST API request behind a Lambda authorizer that returned `context` of type `TAuthorizerContext`. */
export type APIGatewayProxyWithLambdaAuthorizerEvent<TAuthorizerContext> = APIGatewayProxyEventBase<
  APIGatewayEventLambdaAuthorizerContext<TAuthorizerContext>
>;
/** A REST API request behind a Cognito user pool authorizer. */
export type APIGatewayProxyWithCognitoAuthorizerEvent = APIGatewayProxyEventBase<APIGatewayProxyCognitoAuthorizer>;

/** `requestContext.authorizer` of a method with a Cognito user pool authorizer. */
export interface APIGatewayProxyCognitoAuthorizer {
  claims: Record<string, string>;
}

/** The response of a REST API proxy integration (payload format 1.0). */
export interface APIGatewayProxyResult {
  statusCode: number;
  headers?: Record<string, boolean | number | string>;
  multiValueHeaders?: Record<string, Array<boolean | number | string>>;
  body: string;
  isBase64Encoded?: boolean;
}

export type APIGatewayProxyHandler<TContext = LambdaContext> = Handler<APIGatewayProxyEvent, APIGatewayProxyResult, TContext>;
export type APIGatewayProxyWithLambdaAuthorizerHandler<TAuthorizerContext, TContext = LambdaContext> = Handler<
  APIGatewayProxyWithLambdaAuthorizerEvent<TAuthorizerContext>,
  APIGatewayProxyResult,
  TContext
>;
export type APIGatewayProxyWithCognitoAuthorizerHandler<TContext = LambdaContext> = Handler<
  APIGatewayProxyWithCognitoAuthorizerEvent,
  APIGatewayProxyResult,
  TContext
>;
