/** Identity of the Amazon Cognito identity that called a function through the AWS Mobile SDK. */
export interface LambdaCognitoIdentity {
  cognitoIdentityId: string;
  cognitoIdentityPoolId: string;
}

/** Client context sent by the AWS Mobile SDK. */
export interface LambdaClientContext {
  client: {
    installationId: string;
    appTitle: string;
    appVersionName: string;
    appVersionCode: string;
    appPackageName: string;
  };
  Custom?: unknown;
  env: {
    platformVersion: string;
    platform: string;
    make: string;
    model: string;
    locale: string;
  };
}

/**
 * The invocation context a handler receives as its second argument.
 *
 * A structural interface: `@tslambda/lambda-runtime`'s `Context` and
 * `@types/aws-lambda`'s `Context` both satisfy it, so this package does not
 * depend on either.
 *
 * @example
 * ```ts
 * import type { LambdaContext } from '@tslambda/lambda-events';
 * const deadline = (ctx: LambdaContext) => Date.now() + ctx.getRemainingTimeInMillis();
 * ```
 */
export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  /** Memory limit, as a decimal string (as `@types/aws-lambda` has it). */
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  identity?: LambdaCognitoIdentity | undefined;
  clientContext?: LambdaClientContext | undefined;
  /** Tenant id of a function with tenant isolation. */
  tenantId?: string | undefined;
  /** Milliseconds left before the invocation times out. */
  getRemainingTimeInMillis(): number;
}

/**
 * A Lambda handler: a function of the event and the context that returns the
 * result or a promise of it. Two arguments only (no callback).
 *
 * @example
 * ```ts
 * import type { Handler } from '@tslambda/lambda-events';
 * export const handler: Handler<{ name: string }, string> = async (event) => `hello ${event.name}`;
 * ```
 */
export type Handler<TEvent = unknown, TResult = unknown, TContext = LambdaContext> = (
  event: TEvent,
  context: TContext,
) => Promise<TResult> | TResult;
