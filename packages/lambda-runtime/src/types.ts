/** Identity of the Amazon Cognito identity that called the function (AWS Mobile SDK). */
export interface CognitoIdentity {
  cognitoIdentityId: string;
  cognitoIdentityPoolId: string;
}

/** Client context sent by the AWS Mobile SDK, parsed from JSON as sent. */
export interface ClientContext {
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

/** W3C trace context fields carried in the client context (`clientContext.w3c`). */
export interface W3CTraceContext {
  traceparent?: string;
  tracestate?: string;
  baggage?: string;
}

/**
 * What a transport knows about one invocation, before the runtime turns it
 * into a {@link Context}. Both transports (Runtime API, go1.x) fill it.
 */
export interface InvocationMeta {
  /** `Lambda-Runtime-Aws-Request-Id` / `InvokeRequest.RequestId`. */
  requestId: string;
  /** Deadline, milliseconds since the epoch. */
  deadlineMs: number;
  invokedFunctionArn: string;
  /** X-Ray trace header (`Root=...;Parent=...;Sampled=...`). */
  traceId?: string | undefined;
  /** Client context JSON text, as received (parsed by the runtime). */
  clientContext?: string | undefined;
  identity?: CognitoIdentity | undefined;
  tenantId?: string | undefined;
  /** `Lambda-Runtime-Invocation-Id`: one attempt of the request; echoed back. */
  invocationId?: string | undefined;
}

/**
 * The invocation context a handler receives as its second argument. It has
 * everything the Node.js managed runtime's context has (so code written for
 * `@types/aws-lambda`'s `Context` works), plus `deadline`, `signal` and `w3c`.
 *
 * @example
 * ```ts
 * import { start } from '@tslambda/lambda-runtime';
 * start(async (event: { url: string }, context) => {
 *   const res = await fetch(event.url, { signal: context.signal });
 *   return { status: res.status, left: context.getRemainingTimeInMillis() };
 * });
 * ```
 */
export interface Context {
  readonly awsRequestId: string;
  readonly invokedFunctionArn: string;
  readonly functionName: string;
  readonly functionVersion: string;
  /** Memory limit in MB, as a decimal string (like the Node.js runtime). */
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly identity?: CognitoIdentity | undefined;
  readonly clientContext?: ClientContext | undefined;
  readonly tenantId?: string | undefined;
  /** The X-Ray trace header of this invocation. */
  readonly xRayTraceId?: string | undefined;
  /** Deadline, milliseconds since the epoch. */
  readonly deadline: number;
  /** `Lambda-Runtime-Invocation-Id`, when the platform sends one. */
  readonly invocationId?: string | undefined;
  /** W3C trace context (`traceparent`, `tracestate`, `baggage`) from the client context. */
  readonly w3c: Readonly<W3CTraceContext>;
  /** Aborts at the deadline (reason: a `TimeoutError` `DOMException`), or when the invocation ends. */
  readonly signal: AbortSignal;
  /** Milliseconds left before the invocation times out. */
  getRemainingTimeInMillis(): number;
  /** Node.js compatibility: always `true`, has no effect (there is no callback). */
  callbackWaitsForEmptyEventLoop: boolean;
}

/**
 * A buffered handler: a function of the event and the context returning the
 * result (or a promise of it), which is sent as JSON. Two arguments only.
 *
 * @example
 * ```ts
 * import type { Handler } from '@tslambda/lambda-runtime';
 * export const handler: Handler<{ name: string }, string> = async (event) => `hello ${event.name}`;
 * ```
 */
export type Handler<TEvent = unknown, TResult = unknown> = (
  event: TEvent,
  context: Context,
) => Promise<TResult> | TResult;
