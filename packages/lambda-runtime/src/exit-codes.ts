/**
 * Process exit codes of the runtime. 128/129 are the Node.js runtime's
 * (unhandled rejection / uncaught exception); 78 is `EX_CONFIG`, 70 `EX_SOFTWARE`.
 */
export const ExitCode = {
  /** No protocol variables, bad `_LAMBDA_SERVER_PORT` / `AWS_LAMBDA_RUNTIME_API`, bad option. */
  Config: 78,
  /** Init failed (handler not loadable, init hook or top-level code threw); reported to `/init/error` first. */
  InitError: 129,
  /** An uncaught exception; reported as the in-flight invocations' error first. */
  UncaughtException: 129,
  /** An unhandled promise rejection; reported as `Runtime.UnhandledPromiseRejection` first. */
  UnhandledRejection: 128,
  /** The transport failed: the Runtime API beyond retries, or the go1.x port cannot be bound. */
  TransportFailure: 70,
} as const;
