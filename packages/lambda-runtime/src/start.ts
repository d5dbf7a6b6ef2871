import { resolveConfig, type ConfigOptions, type ResolvedConfig } from './config.js';
import { createContext, functionInfoFromEnv, setSingleInvocationMode } from './context.js';
import { CallbackHandlerError, HandlerNotFoundError, LambdaRuntimeError, SnapStartHookError, UnhandledPromiseRejectionError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { loadGo1xTransport } from './go1x-loader.js';
import { hooksOf, runHooks, type Hook } from './hooks.js';
import { logInvokeError, MAX_RESPONSE_BYTES } from './invoke.js';
import { configureLogging, emit, patchConsole } from './log.js';
import { RuntimeApiClient, type RetryOptions } from './runtime-api/client.js';
import { serveRuntimeApi } from './runtime-api/transport.js';
import { isStreamingHandler, MAX_STREAM_RESPONSE_BYTES, type StreamingHandler } from './stream.js';
import type { Transport, TransportCore } from './transport.js';
import type { Handler } from './types.js';

/** Options of {@link start}. Every one is optional; the environment decides the rest. */
export interface StartOptions extends ConfigOptions {
  /** Environment to read configuration from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Runs before the first invocation; a throw is reported to `/init/error`. */
  init?: () => void | Promise<void>;
  /** SIGTERM hook (also see {@link onShutdown}). */
  onShutdown?: Hook;
  /** SnapStart hook run before the snapshot (also see `beforeSnapshot()`). */
  beforeSnapshot?: Hook;
  /** SnapStart hook run after restore (also see `afterRestore()`). */
  afterRestore?: Hook;
  /** Route `console` through Lambda's log format (default true). */
  patchConsole?: boolean;
  /** Report uncaught exceptions and unhandled rejections, then exit (default true). */
  handleProcessErrors?: boolean;
  /** Exit the process on fatal errors with the documented {@link ExitCode} (default true); otherwise `start()` rejects. */
  exitOnFatal?: boolean;
  /** Stops the runtime (after the invocations in flight) when aborted. */
  signal?: AbortSignal;
  /** Buffered response limit in bytes (default 6291556, Lambda's). */
  maxResponseBytes?: number;
  /** Streamed response limit in bytes (default 200 MiB). */
  maxStreamBytes?: number;
  /** Retry policy for transient Runtime API failures. */
  retry?: Partial<RetryOptions>;
  /** Where log lines go (default `process.stdout`). */
  log?: (line: string) => void;
  /** Name of the internal extension registered for SIGTERM (default `tslambda-runtime`). */
  extensionName?: string;
}

/** Anything {@link start} runs: a handler, a streaming handler, or a promise of one. */
export type StartHandler<TEvent, TResult> =
  | Handler<TEvent, TResult>
  | StreamingHandler<TEvent>
  | Promise<Handler<TEvent, TResult> | StreamingHandler<TEvent>>;

/**
 * Runs `handler` as a Lambda function under the protocol the environment
 * selects: go1.x when `_LAMBDA_SERVER_PORT` is set, else the Runtime API
 * (`AWS_LAMBDA_RUNTIME_API`); `options.protocol` overrides. Never resolves
 * in Lambda (it serves until the process ends); resolves when
 * `options.signal` aborts.
 *
 * @example
 * ```ts
 * import { start } from '@tslambda/lambda-runtime';
 * start(async (event: { name: string }, context) => ({ hello: event.name, id: context.awsRequestId }));
 * ```
 */
export function start<TEvent = unknown, TResult = unknown>(handler: Handler<TEvent, TResult>, options?: StartOptions): Promise<void>;
export function start<TEvent = unknown>(handler: StreamingHandler<TEvent>, options?: StartOptions): Promise<void>;
export function start<TEvent = unknown, TResult = unknown>(
  handler: Promise<Handler<TEvent, TResult> | StreamingHandler<TEvent>>,
  options?: StartOptions,
): Promise<void>;
export async function start<TEvent = unknown, TResult = unknown>(
  handler: StartHandler<TEvent, TResult>,
  options: StartOptions = {},
): Promise<void> {
  const env = options.env ?? process.env;
  const exitOnFatal = options.exitOnFatal ?? true;
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) return;
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const cleanups: (() => void)[] = [() => options.signal?.removeEventListener('abort', onAbort)];
  const cleanup = () => {
    for (const c of cleanups.splice(0).reverse()) c();
  };

  let fatalError: ((error: unknown, code: number) => void) | undefined;
  const fatal = new Promise<never>((_, reject) => {
    fatalError = (error, code) => {
      if (exitOnFatal) {
        process.exit(code);
      }
      reject(error);
    };
  });
  fatal.catch(() => {});
  const die = (error: unknown, code: number): never => {
    fatalError!(error, code);
    throw error;
  };

  let config: ResolvedConfig;
  try {
    config = resolveConfig(env, options);
  } catch (error) {
    process.stderr.write(`@tslambda/lambda-runtime: ${(error as Error).name}: ${(error as Error).message}\n`);
    cleanup();
    return die(error, ExitCode.Config);
  }

  configureLogging(env, options.log);
  if (options.patchConsole ?? true) cleanups.push(patchConsole());

  const client = config.protocol === 'runtime-api' ? new RuntimeApiClient(config.runtimeApi!, options.retry) : undefined;
  if (client) cleanups.push(() => client.close());

  // Where process-fatal errors go: /init/error during init, the in-flight invocations after.
  let report: (error: unknown) => Promise<unknown> = async (error) => client?.initError(error);
  let reporting = false;
  const onProcessError = (error: unknown, code: number, label: string) => {
    if (reporting) return;
    reporting = true;
    logInvokeError(error, label);
    report(error)
      .catch(() => {})
      .finally(() => fatalError!(error, code));
  };
  if (options.handleProcessErrors ?? true) {
    const onUncaught = (error: unknown) => onProcessError(error, ExitCode.UncaughtException, 'Uncaught Exception');
    const onRejection = (reason: unknown) =>
      onProcessError(new UnhandledPromiseRejectionError(reason), ExitCode.UnhandledRejection, 'Unhandled Promise Rejection');
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onRejection);
    cleanups.push(() => {
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onRejection);
    });
  }

  const initFailed = async (error: unknown): Promise<never> => {
    logInvokeError(error, 'Init Error');
    await client?.initError(error).catch(() => {});
    cleanup();
    return die(error, ExitCode.InitError);
  };

  // Init: SIGTERM registration, the user's init, the handler.
  const shutdownHooks = [...hooksOf('shutdown'), ...(options.onShutdown ? [options.onShutdown] : [])];
  if (shutdownHooks.length > 0) {
    const onTerm = () => {
      runHooks(shutdownHooks)
        .catch((error: unknown) => emit('ERROR', ['shutdown hook failed', error]))
        .finally(() => process.exit(0));
    };
    process.once('SIGTERM', onTerm);
    cleanups.push(() => process.off('SIGTERM', onTerm));
    if (client) {
      try {
        await client.registerExtension(options.extensionName ?? 'tslambda-runtime');
      } catch (error) {
        emit('WARN', ['could not register the internal extension for SIGTERM; shutdown hooks may not run', error]);
      }
    }
  }

  let resolved: Handler | StreamingHandler;
  try {
    await options.init?.();
    resolved = (await handler) as Handler | StreamingHandler;
    validateHandler(resolved);
  } catch (error) {
    return initFailed(error);
  }

  if (config.snapStart && client) {
    try {
      await runHooks([...hooksOf('beforeSnapshot'), ...(options.beforeSnapshot ? [options.beforeSnapshot] : [])]);
    } catch (error) {
      return initFailed(new SnapStartHookError('beforeSnapshot', error));
    }
    try {
      await client.restoreNext();
      await runHooks([...hooksOf('afterRestore'), ...(options.afterRestore ? [options.afterRestore] : [])]);
    } catch (error) {
      const failure = error instanceof LambdaRuntimeError ? error : new SnapStartHookError('afterRestore', error);
      logInvokeError(failure, 'Restore Error');
      await client.restoreError(failure).catch(() => {});
      cleanup();
      return die(failure, ExitCode.InitError);
    }
  }

  const functionInfo = functionInfoFromEnv(env);
  const single = config.concurrency === 1;
  // The Runtime API runs one invocation at a time unless AWS_LAMBDA_MAX_CONCURRENCY > 1;
  // go1.x may run several at once on its connections, so it keeps AsyncLocalStorage.
  setSingleInvocationMode(single && config.protocol === 'runtime-api');
  cleanups.push(() => setSingleInvocationMode(false));
  const core: TransportCore = {
    handler: resolved,
    functionInfo,
    concurrency: config.concurrency,
    maxResponseBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
    maxStreamBytes: options.maxStreamBytes ?? MAX_STREAM_RESPONSE_BYTES,
    signal: stop.signal,
    createContext(meta) {
      if (single) {
        if (meta.traceId) process.env._X_AMZN_TRACE_ID = meta.traceId;
        else delete process.env._X_AMZN_TRACE_ID;
      }
      return createContext(meta, functionInfo);
    },
  };

  let transport: Transport;
  try {
    if (client) transport = serveRuntimeApi(core, client);
    else transport = await (await loadGo1xTransport())(core, { port: config.port! });
  } catch (error) {
    emit('FATAL', [`could not start the ${config.protocol} transport:`, error]);
    cleanup();
    return die(error, error instanceof LambdaRuntimeError && error.code === 'ERR_TRANSPORT_UNAVAILABLE' ? ExitCode.Config : ExitCode.TransportFailure);
  }
  report = (error) => transport.failInflight(error);

  try {
    await Promise.race([transport.done, fatal]);
  } catch (error) {
    if (!reporting) {
      emit('FATAL', [`the ${config.protocol} transport failed:`, error]);
      cleanup();
      return die(error, ExitCode.TransportFailure);
    }
    cleanup();
    throw error;
  }
  cleanup();
}

function validateHandler(handler: unknown): asserts handler is Handler | StreamingHandler {
  if (typeof handler !== 'function') {
    throw new HandlerNotFoundError(`the handler is not a function (got ${handler === null ? 'null' : typeof handler})`);
  }
  if (!isStreamingHandler(handler) && handler.length >= 3) throw new CallbackHandlerError();
}
