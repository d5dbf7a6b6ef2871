import type {
  APIGatewayEventClientCertificate,
  APIGatewayProxyEventHeaders,
  APIGatewayProxyEventPathParameters,
  APIGatewayProxyEventQueryStringParameters,
  APIGatewayProxyEventStageVariables,
} from '../api-gateway/common.js';
import type { APIGatewayEventRequestContextHttp, APIGatewayIAMAuthorizerCognitoIdentity, APIGatewayProxyResultV2 } from '../api-gateway/http.js';
import type { Handler, LambdaContext } from '../handler.js';

/** The caller of a function URL with `AWS_IAM` auth. */
export interface LambdaFunctionURLIAMIdentity {
  accessKey: string;
  accountId: string;
  callerId: string;
  cognitoIdentity?: APIGatewayIAMAuthorizerCognitoIdentity | null;
  principalOrgId?: string | null;
  userArn: string;
  userId: string;
}

/** `requestContext.authorizer` of a function URL request. With auth type `NONE`, `iam` is absent or empty. */
export interface LambdaFunctionURLAuthorizer {
  iam?: Partial<LambdaFunctionURLIAMIdentity>;
}

/** `requestContext.authorizer` of a function URL with `AWS_IAM` auth. */
export interface LambdaFunctionURLEventRequestContextIAMAuthorizer {
  iam: LambdaFunctionURLIAMIdentity;
}

/** `requestContext` of a function URL request (the HTTP API payload 2.0 shape). */
export interface LambdaFunctionURLEventRequestContextWithAuthorizer<TAuthorizer> {
  accountId: string;
  apiId: string;
  authentication?: { clientCert: APIGatewayEventClientCertificate } | null;
  authorizer?: TAuthorizer;
  domainName: string;
  domainPrefix: string;
  http: APIGatewayEventRequestContextHttp;
  requestId: string;
  /** Always "$default" when present. */
  routeKey?: string;
  stage?: string;
  time: string;
  timeEpoch: number;
}

/** A function URL request, generic over its `requestContext`. */
export interface LambdaFunctionURLEventWithRequestContext<TRequestContext> {
  version: string;
  routeKey?: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: APIGatewayProxyEventHeaders;
  queryStringParameters?: APIGatewayProxyEventQueryStringParameters;
  requestContext: TRequestContext;
  body?: string;
  pathParameters?: APIGatewayProxyEventPathParameters | null;
  isBase64Encoded: boolean;
  stageVariables?: APIGatewayProxyEventStageVariables | null;
}

/**
 * A Lambda function URL request. It has the HTTP API payload 2.0 shape, so
 * code written for {@link APIGatewayProxyEventV2} reads it too.
 *
 * @example
 * ```ts
 * import type { LambdaFunctionURLHandler } from '@tslambda/lambda-events/lambda-url';
 * export const handler: LambdaFunctionURLHandler = async (event) => ({ statusCode: 200, body: event.rawPath });
 * ```
 */
export type LambdaFunctionURLEvent = LambdaFunctionURLEventWithRequestContext<
  LambdaFunctionURLEventRequestContextWithAuthorizer<LambdaFunctionURLAuthorizer>
>;

/** A function URL request with `AWS_IAM` auth: the caller's identity is present. */
export type LambdaFunctionURLEventWithIAMAuthorizer = LambdaFunctionURLEventWithRequestContext<
  LambdaFunctionURLEventRequestContextWithAuthorizer<LambdaFunctionURLEventRequestContextIAMAuthorizer> & {
    authorizer: LambdaFunctionURLEventRequestContextIAMAuthorizer;
  }
>;

/** A function URL response: the HTTP API payload 2.0 response format. */
export type LambdaFunctionURLResult<T = never> = APIGatewayProxyResultV2<T>;

export type LambdaFunctionURLHandler<T = never, TContext = LambdaContext> = Handler<
  LambdaFunctionURLEvent,
  LambdaFunctionURLResult<T>,
  TContext
>;
export type LambdaFunctionURLHandlerWithIAMAuthorizer<T = never, TContext = LambdaContext> = Handler<
  LambdaFunctionURLEventWithIAMAuthorizer,
  LambdaFunctionURLResult<T>,
  TContext
>;
