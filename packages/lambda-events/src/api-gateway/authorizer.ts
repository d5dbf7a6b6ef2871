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
import type { APIGatewayEventRequestContextHttp, APIGatewayEventRequestContextV2 } from './http.js';

/** A TOKEN Lambda authorizer request (REST APIs). */
export interface APIGatewayTokenAuthorizerEvent {
  type: 'TOKEN';
  methodArn: string;
  authorizationToken: string;
}

/** `requestContext` of a REQUEST authorizer request (REST APIs, and HTTP APIs with payload 1.0). */
export interface APIGatewayRequestAuthorizerEventRequestContext {
  accountId: string;
  apiId: string;
  domainName?: string;
  domainPrefix?: string;
  extendedRequestId?: string;
  httpMethod: string;
  identity: APIGatewayEventIdentity;
  path: string;
  protocol?: string;
  requestId: string;
  requestTime?: string;
  requestTimeEpoch?: number;
  resourceId: string;
  resourcePath: string;
  stage: string;
  /** HTTP API payload 1.0 only. */
  http?: APIGatewayEventRequestContextHttp;
  routeKey?: string;
  time?: string;
  timeEpoch?: number;
}

/**
 * A REQUEST Lambda authorizer request: REST APIs, and HTTP APIs with payload
 * format 1.0 (which add `version`, `identitySource` and `authorizationToken`).
 */
export interface APIGatewayRequestAuthorizerEvent {
  type: 'REQUEST';
  methodArn: string;
  version?: string;
  identitySource?: string;
  authorizationToken?: string;
  resource: string;
  path: string;
  httpMethod: string;
  headers: APIGatewayProxyEventHeaders | null;
  multiValueHeaders?: APIGatewayProxyEventMultiValueHeaders | null;
  pathParameters: APIGatewayProxyEventPathParameters | null;
  queryStringParameters: APIGatewayProxyEventQueryStringParameters | null;
  multiValueQueryStringParameters?: APIGatewayProxyEventMultiValueQueryStringParameters | null;
  stageVariables: APIGatewayProxyEventStageVariables | null;
  requestContext: APIGatewayRequestAuthorizerEventRequestContext;
}

/** An HTTP API Lambda authorizer request (payload format 2.0). */
export interface APIGatewayRequestAuthorizerEventV2 {
  version: string;
  type: 'REQUEST';
  routeArn: string;
  /** Values of the configured identity sources; null or absent when caching is off and none is set. */
  identitySource?: string[] | null;
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers?: APIGatewayProxyEventHeaders;
  queryStringParameters?: APIGatewayProxyEventQueryStringParameters;
  requestContext: APIGatewayEventRequestContextV2;
  pathParameters?: APIGatewayProxyEventPathParameters;
  stageVariables?: APIGatewayProxyEventStageVariables;
}

export type APIGatewayAuthorizerEvent = APIGatewayTokenAuthorizerEvent | APIGatewayRequestAuthorizerEvent;

/** One IAM policy statement. */
export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** An IAM policy document. */
export interface PolicyDocument {
  Version: string;
  Id?: string;
  Statement: Statement[];
}

/** `context` of an authorizer response: values must be strings, numbers or booleans. */
export interface APIGatewayAuthorizerResultContext {
  [name: string]: string | number | boolean | null | undefined;
}

/** A Lambda authorizer's IAM-policy response (REST APIs, HTTP APIs with payload 1.0 or policy responses). */
export interface APIGatewayAuthorizerResult {
  principalId: string;
  policyDocument: PolicyDocument;
  context?: APIGatewayAuthorizerResultContext | null;
  usageIdentifierKey?: string | null;
}

/** An IAM-policy response with a typed `context`. */
export interface APIGatewayAuthorizerWithContextResult<TAuthorizerContext extends APIGatewayAuthorizerResultContext> {
  principalId: string;
  policyDocument: PolicyDocument;
  context: TAuthorizerContext;
  usageIdentifierKey?: string | null;
}

/** An HTTP API Lambda authorizer's simple response. */
export interface APIGatewaySimpleAuthorizerResult {
  isAuthorized: boolean;
}
export interface APIGatewaySimpleAuthorizerWithContextResult<TAuthorizerContext> extends APIGatewaySimpleAuthorizerResult {
  context: TAuthorizerContext;
}

export type APIGatewayAuthorizerHandler<TContext = LambdaContext> = Handler<APIGatewayAuthorizerEvent, APIGatewayAuthorizerResult, TContext>;
export type APIGatewayTokenAuthorizerHandler<TContext = LambdaContext> = Handler<
  APIGatewayTokenAuthorizerEvent,
  APIGatewayAuthorizerResult,
  TContext
>;
export type APIGatewayRequestAuthorizerHandler<TContext = LambdaContext> = Handler<
  APIGatewayRequestAuthorizerEvent,
  APIGatewayAuthorizerResult,
  TContext
>;
export type APIGatewayRequestAuthorizerWithContextHandler<
  TAuthorizerContext extends APIGatewayAuthorizerResultContext,
  TContext = LambdaContext,
> = Handler<APIGatewayRequestAuthorizerEvent, APIGatewayAuthorizerWithContextResult<TAuthorizerContext>, TContext>;
export type APIGatewayRequestIAMAuthorizerHandlerV2<TContext = LambdaContext> = Handler<
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayAuthorizerResult,
  TContext
>;
export type APIGatewayRequestSimpleAuthorizerHandlerV2<TContext = LambdaContext> = Handler<
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerResult,
  TContext
>;
export type APIGatewayRequestSimpleAuthorizerHandlerV2WithContext<TAuthorizerContext, TContext = LambdaContext> = Handler<
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult<TAuthorizerContext>,
  TContext
>;
