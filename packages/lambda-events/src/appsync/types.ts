import type { JsonValue } from '../common.js';
import type { Handler, LambdaContext } from '../handler.js';

/** The caller of an API with IAM authorization. */
export interface AppSyncIdentityIAM {
  accountId: string;
  cognitoIdentityPoolId?: string | null;
  cognitoIdentityId?: string | null;
  sourceIp: string[];
  username?: string;
  /** Some payloads name the IAM user id `user` instead of `username`. */
  user?: string;
  userArn: string;
  cognitoIdentityAuthType?: string | null;
  cognitoIdentityAuthProvider?: string | null;
}

/** The caller of an API with Cognito user pool authorization. */
export interface AppSyncIdentityCognito {
  sub: string;
  issuer: string;
  username: string;
  claims: { [claim: string]: JsonValue };
  sourceIp: string[];
  defaultAuthStrategy: string;
  groups?: string[] | null;
}

/** The caller of an API with OpenID Connect authorization. */
export interface AppSyncIdentityOIDC {
  claims: { [claim: string]: JsonValue };
  issuer: string;
  sub: string;
}

/** The caller of an API with a Lambda authorizer. */
export interface AppSyncIdentityLambda {
  resolverContext: { [key: string]: JsonValue };
}

/** `identity` of a resolver request; null or absent with API key authorization. */
export type AppSyncIdentity = AppSyncIdentityIAM | AppSyncIdentityCognito | AppSyncIdentityOIDC | AppSyncIdentityLambda | null | undefined;

/**
 * An AppSync direct Lambda resolver request.
 *
 * @example
 * ```ts
 * import type { AppSyncResolverHandler } from '@tslambda/lambda-events/appsync';
 * export const handler: AppSyncResolverHandler<{ id: string }, { id: string; name: string }> = async (event) =>
 *   ({ id: event.arguments.id, name: 'x' });
 * ```
 */
export interface AppSyncResolverEvent<TArguments = Record<string, unknown>, TSource = Record<string, unknown> | null> {
  arguments: TArguments;
  identity?: AppSyncIdentity;
  source: TSource;
  request: {
    headers: { [name: string]: string | undefined };
    /** The custom domain, or null. */
    domainName: string | null;
  };
  info: {
    selectionSetList: string[];
    selectionSetGraphQL: string;
    parentTypeName: string;
    fieldName: string;
    variables: Record<string, unknown>;
  };
  prev: { result: Record<string, unknown> } | null;
  stash: Record<string, unknown>;
}

/** A batched direct Lambda resolver request (BatchInvoke): one event per item. */
export type AppSyncBatchResolverEvent<TArguments = Record<string, unknown>, TSource = Record<string, unknown> | null> = Array<
  AppSyncResolverEvent<TArguments, TSource>
>;

/**
 * A Lambda data source request built by a VTL mapping template:
 * `{ version, operation, payload }`, where `payload` is whatever the template put there.
 */
export interface AppSyncResolverTemplateEvent<TPayload = unknown> {
  version: string;
  operation: 'Invoke' | 'BatchInvoke';
  payload: TPayload;
}

/** An AppSync Lambda authorizer request. */
export interface AppSyncAuthorizerEvent {
  authorizationToken: string;
  requestContext: {
    apiId: string;
    accountId: string;
    requestId: string;
    queryString: string;
    operationName?: string;
    variables: Record<string, unknown>;
  };
  requestHeaders?: { [name: string]: string };
}

/** An AppSync Lambda authorizer response. */
export interface AppSyncAuthorizerResult<TResolverContext = { [key: string]: JsonValue }> {
  isAuthorized: boolean;
  resolverContext?: TResolverContext;
  deniedFields?: string[];
  ttlOverride?: number;
}

export type AppSyncResolverHandler<TArguments = Record<string, unknown>, TResult = unknown, TSource = Record<string, unknown> | null, TContext = LambdaContext> =
  Handler<AppSyncResolverEvent<TArguments, TSource>, TResult, TContext>;
export type AppSyncBatchResolverHandler<TArguments = Record<string, unknown>, TResult = unknown, TSource = Record<string, unknown> | null, TContext = LambdaContext> =
  Handler<AppSyncBatchResolverEvent<TArguments, TSource>, TResult[], TContext>;
export type AppSyncAuthorizerHandler<TResolverContext = { [key: string]: JsonValue }, TContext = LambdaContext> = Handler<
  AppSyncAuthorizerEvent,
  AppSyncAuthorizerResult<TResolverContext>,
  TContext
>;
export type AppSyncResolverTemplateHandler<TPayload = unknown, TResult = unknown, TContext = LambdaContext> = Handler<
  AppSyncResolverTemplateEvent<TPayload>,
  TResult,
  TContext
>;
