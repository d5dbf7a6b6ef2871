import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientContext, CognitoIdentity, Context, InvocationMeta, W3CTraceContext } from './types.js';

/** The longest delay `setTimeout` takes; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Function-level values from the environment, read once at start. */
export interface FunctionInfo {
  functionName: string;
  functionVersion: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
}

/** Reads the function's name, version, memory, log group and stream from the Lambda environment variables. */
export function functionInfoFromEnv(env: NodeJS.ProcessEnv = process.env): FunctionInfo {
  return {
    functionName: env.AWS_LAMBDA_FUNCTION_NAME ?? '',
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION ?? '',
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '',
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME ?? '',
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME ?? '',
  };
}

const storage = new AsyncLocalStorage<InvocationContext>();
// With one invocation at a time the current context is simply a variable:
// AsyncLocalStorage would enable promise hooks that slow every promise (Node 20/22).
let single = false;
let current: InvocationContext | undefined;

/**
 * Switches {@link currentContext} between AsyncLocalStorage (the default,
 * for concurrent invocations) and a plain variable (one invocation at a
 * time: no async-hook cost; a stray timer from an earlier invocation then
 * sees the invocation running now, as in the Node.js runtime).
 */
export function setSingleInvocationMode(enabled: boolean): void {
  single = enabled;
  current = undefined;
}
const NO_W3C: Readonly<W3CTraceContext> = Object.freeze({});

/**
 * The context of the invocation running now, from anywhere inside it (any
 * async continuation of the handler), or `undefined` outside invocations.
 *
 * @example
 * ```ts
 * import { currentContext } from '@tslambda/lambda-runtime';
 * export function requestId(): string | undefined {
 *   return currentContext()?.awsRequestId;
 * }
 * ```
 */
export function currentContext(): Context | undefined {
  return single ? current : storage.getStore();
}

/**
 * The {@link Context} implementation. Transports create one per invocation
 * with {@link createContext}; `end()` releases the deadline timer.
 */
export class InvocationContext implements Context {
  readonly awsRequestId: string;
  readonly invokedFunctionArn: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly identity: CognitoIdentity | undefined;
  readonly clientContext: ClientContext | undefined;
  readonly tenantId: string | undefined;
  readonly xRayTraceId: string | undefined;
  readonly deadline: number;
  readonly invocationId: string | undefined;
  readonly w3c: Readonly<W3CTraceContext>;
  callbackWaitsForEmptyEventLoop = true;
  #controller: AbortController | undefined;
  #timer: NodeJS.Timeout | undefined;
  #ended = false;

  constructor(meta: InvocationMeta, fn: FunctionInfo) {
    this.awsRequestId = meta.requestId;
    this.invokedFunctionArn = meta.invokedFunctionArn;
    this.functionName = fn.functionName;
    this.functionVersion = fn.functionVersion;
    this.memoryLimitInMB = fn.memoryLimitInMB;
    this.logGroupName = fn.logGroupName;
    this.logStreamName = fn.logStreamName;
    this.identity = meta.identity;
    this.tenantId = meta.tenantId;
    this.xRayTraceId = meta.traceId;
    this.deadline = meta.deadlineMs;
    this.invocationId = meta.invocationId;
    const parsed = parseClientContext(meta.clientContext);
    this.clientContext = parsed.clientContext;
    this.w3c = parsed.w3c;
  }

  getRemainingTimeInMillis(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  /** Created on first use, so invocations that never look at it pay nothing. */
  get signal(): AbortSignal {
    if (!this.#controller) {
      const controller = new AbortController();
      this.#controller = controller;
      const left = this.deadline - Date.now();
      if (this.#ended) controller.abort(new DOMException('The invocation has ended', 'AbortError'));
      else if (left <= 0) controller.abort(new DOMException('The invocation timed out', 'TimeoutError'));
      else this.#arm(controller);
    }
    return this.#controller.signal;
  }

  /** Aborts at the deadline; timers cap at 2^31-1 ms (~24.8 days), so a far deadline re-arms. */
  #arm(controller: AbortController): void {
    const left = this.deadline - Date.now();
    if (left <= 0) {
      controller.abort(new DOMException('The invocation timed out', 'TimeoutError'));
      return;
    }
    this.#timer = setTimeout(() => this.#arm(controller), Math.min(left, MAX_TIMER_MS));
    this.#timer.unref();
  }

  /** Marks the invocation finished: clears the deadline timer and aborts the signal if it is still live. */
  end(): void {
    if (current === this) current = undefined;
    if (this.#ended) return;
    this.#ended = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#controller && !this.#controller.signal.aborted) {
      this.#controller.abort(new DOMException('The invocation has ended', 'AbortError'));
    }
  }
}

/** Creates the context of one invocation. */
export function createContext(meta: InvocationMeta, fn: FunctionInfo): InvocationContext {
  return new InvocationContext(meta, fn);
}

/**
 * Runs `fn` with `context` as the {@link currentContext}. Transports call the
 * handler through it.
 */
export function runWithContext<T>(context: InvocationContext, fn: () => T): T {
  if (single) {
    current = context;
    return fn();
  }
  return storage.run(context, fn);
}

/**
 * Parses client-context JSON: the object (without its `w3c` member) and the
 * W3C trace fields (`traceparent`, `tracestate`, `baggage`) it carried.
 * Invalid JSON gives no client context rather than failing the invocation.
 */
export function parseClientContext(text: string | undefined): { clientContext: ClientContext | undefined; w3c: Readonly<W3CTraceContext> } {
  if (!text) return { clientContext: undefined, w3c: NO_W3C };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { clientContext: undefined, w3c: NO_W3C };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { clientContext: undefined, w3c: NO_W3C };
  const record = value as Record<string, unknown>;
  let w3c = NO_W3C;
  if (Object.prototype.hasOwnProperty.call(record, 'w3c')) {
    const raw = record.w3c;
    delete record.w3c;
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const fields: W3CTraceContext = {};
      for (const key of ['traceparent', 'tracestate', 'baggage'] as const) {
        const v = (raw as Record<string, unknown>)[key];
        if (typeof v === 'string') fields[key] = v;
      }
      w3c = Object.freeze(fields);
    }
  }
  return { clientContext: record as unknown as ClientContext, w3c };
}
