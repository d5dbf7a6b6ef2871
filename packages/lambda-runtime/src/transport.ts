import type { FunctionInfo, InvocationContext } from './context.js';
import type { StreamingHandler } from './stream.js';
import type { Handler, InvocationMeta } from './types.js';

/**
 * What the runtime hands a transport: the resolved handler and the shared
 * per-invoke machinery. A transport receives invocations (payload bytes +
 * {@link InvocationMeta}), calls {@link TransportCore.createContext}, runs
 * the handler with `invokeBuffered` (or its own streaming path), and sends
 * the result or the error formatted with `formatError` /
 * `toInvokeResponseError`.
 */
export interface TransportCore {
  readonly handler: Handler | StreamingHandler;
  readonly functionInfo: FunctionInfo;
  /** Invocations handled at once (`AWS_LAMBDA_MAX_CONCURRENCY`, 1 by default). */
  readonly concurrency: number;
  readonly maxResponseBytes: number;
  readonly maxStreamBytes: number;
  /** Aborts when the runtime is asked to stop (tests, embedding). */
  readonly signal: AbortSignal;
  /** Creates the context of an invocation; sets `_X_AMZN_TRACE_ID` when invocations run one at a time. */
  createContext(meta: InvocationMeta): InvocationContext;
}

/** A running transport. */
export interface Transport {
  /** Settles when the transport stops: resolves after `signal` aborts, rejects on an unrecoverable failure. */
  readonly done: Promise<void>;
  /**
   * Reports a process-fatal error (uncaught exception, unhandled rejection)
   * as the result of every invocation in flight, before the process exits.
   */
  failInflight(error: unknown): Promise<void>;
}

/** Settings a transport gets from the environment and `start()` options. */
export interface TransportSettings {
  /** go1.x: `_LAMBDA_SERVER_PORT`. */
  port?: number;
  /** Runtime API: `AWS_LAMBDA_RUNTIME_API`. */
  runtimeApi?: string;
}

/**
 * The shape of a transport module's entry (`serve`), resolved once the
 * transport is ready to take invocations (listening / first `/next` sent).
 */
export type ServeTransport = (core: TransportCore, settings: TransportSettings) => Promise<Transport>;
