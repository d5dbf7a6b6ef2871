import type { Handler, LambdaContext } from '../handler.js';
import type {
  APIGatewayEventClientCertificate,
  APIGatewayProxyEventHeaders,
  APIGatewayProxyEventPathParameters,
  APIGatewayProxyEventQueryStringParameters,
  APIGatewayProxyEventStageVariables,
} from './common.js';

/** `requestContext.http` of a payload 2.0 request. */
export interface APIGatewayEventRequestContextHttp {
  method: string;
  path: string;
  protocol: string;
  sourceIp: string;
  userAgent: string;
}

/** `requestContext` of an HTTP API (payload 2.0) request. */
export interface APIGatewayEventRequestContextV2 {
  accountId: string;
  apiId: string;
  /** Present with mutual TLS. */
  authentication?: { clientCert: APIGatewayEventClientCertificate } | null;
  domainName: string;
  domainPrefix: string;
  http: APIGatewayEventRequestContextHttp;
  requestId: string;
  routeKey: string;
  stage: string;
  time: string;
  timeEpoch: number;
}

/** `requestContext` with the output of the route's authorizer. */
export type APIGatewayEventRequestContextV2WithAuthorizer<TAuthorizer> = APIGatewayEventRequestContextV2 & {
  authorizer: TAuthorizer;
};

/** An HTTP API request (payload format 2.0), generic over its `requestContext`. */
export interface APIGatewayProxyEventV2WithRequestContext<TRequestContext> {
  version: string;
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: APIGatewayProxyEventHeaders;
  queryStringParameters?: APIGatewayProxyEventQueryStringParameters;
  requestContext: TRequestContext;
  body?: string;
  pathParameters?: APIGatewayProxyEventPathParameters;
  /** API Gateway sends it; some documentation samples leave it out. */
  isBase64Encoded?: boolean;
  /** null from the SAM CLI when the stage has none. */
  stageVariables?: APIGatewayProxyEventStageVariables | null;
}

/**
 * An API Gateway HTTP API request (payload format 2.0) on a route without an authorizer.
 *
 * @example
 * ```ts
 * import type { APIGatewayProxyHandlerV2 } from '@tslambda/lambda-events/api-gateway';
 * export const handler: APIGatewayProxyHandlerV2 = async (event) => ({ statusCode: 200, body: event.rawPath });
 * ```
 */
export type APIGatewayProxyEventV2 = APIGatewayProxyEventV2WithRequestContext<APIGatewayEventRequestContextV2>;

/** `requestContext.authorizer` of a route with a JWT authorizer. */
export interface APIGatewayEventRequestContextJWTAuthorizer {
  principalId?: string;
  integrationLatency?: number;
  jwt: {
    claims: Record<string, string | number | boolean | string[]>;
    scopes: string[] | null;
  };
}
export type APIGatewayProxyEventV2WithJWTAuthorizer = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2WithAuthorizer<APIGatewayEventRequestContextJWTAuthorizer>
>;

/** The Cognito identity of an IAM-authorized caller using Cognito identity pool credentials. */
export interface APIGatewayIAMAuthorizerCognitoIdentity {
  amr: string[];
  identityId: string;
  identityPoolId: string;
}

/** `requestContext.authorizer` of a route with IAM authorization. */
export interface APIGatewayEventRequestContextIAMAuthorizer {
  iam: {
    accessKey: string;
    accountId: string;
    callerId: string;
    cognitoIdentity: APIGatewayIAMAuthorizerCognitoIdentity | null;
    principalOrgId: string | null;
    userArn: string;
    userId: string;
  };
}
export type APIGatewayProxyEventV2WithIAMAuthorizer = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2WithAuthorizer<APIGatewayEventRequestContextIAMAuthorizer>
>;

/** `requestContext.authorizer` of a route with a Lambda authorizer that returned `context`. */
export interface APIGatewayEventRequestContextLambdaAuthorizer<TAuthorizerContext> {
  lambda: TAuthorizerContext;
}
export type APIGatewayProxyEventV2WithLambdaAuthorizer<TAuthorizerContext = Record<string, unknown>> =
  APIGatewayProxyEventV2WithRequestContext<
    APIGatewayEventRequestContextV2WithAuthorizer<APIGatewayEventRequestContextLambdaAuthorizer<TAuthorizerContext>>
  >;

/** The structured response of an HTTP API (payload 2.0) integration. */
export interface APIGatewayProxyStructuredResultV2 {
  statusCode?: number;
  headers?: Record<string, boolean | number | string>;
  body?: string;
  isBase64Encoded?: boolean;
  cookies?: string[];
}

/**
 * What an HTTP API (payload 2.0) handler may return: the structured result, a
 * string (sent as a JSON body with status 200), or `T`, any value API Gateway
 * serialises to JSON.
 */
export type APIGatewayProxyResultV2<T = never> = APIGatewayProxyStructuredResultV2 | string | T;

export type APIGatewayProxyHandlerV2<T = never, TContext = LambdaContext> = Handler<
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2<T>,
  TContext
>;
export type APIGatewayProxyHandlerV2WithJWTAuthorizer<T = never, TContext = LambdaContext> = Handler<
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyResultV2<T>,
  TContext
>;
export type APIGatewayProxyHandlerV2WithIAMAuthorizer<T = never, TContext = LambdaContext> = Handler<
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyResultV2<T>,
  TContext
>;
export type APIGatewayProxyHandlerV2WithLambdaAuthorizer<
  TAuthorizerContext = Record<string, unknown>,
  T = never,
  TContext = LambdaContext,
> = Handler<APIGatewayProxyEventV2WithLambdaAuthorizer<TAuthorizerContext>, APIGatewayProxyResultV2<T>, TContext>;
