/**
 * Base class of the errors this package throws. Each has a stable `name`
 * (the `errorType` Lambda shows) and a stable `code`.
 */
export class LambdaRuntimeError extends Error {
  /** Stable machine-readable code. */
  readonly code: string;
  constructor(name: string, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
    this.code = code;
  }
}

/** Misconfiguration found at start: no protocol variables, bad port, bad option. Exit code 78. */
export class RuntimeConfigError extends LambdaRuntimeError {
  constructor(message: string) {
    super('Runtime.ConfigError', 'ERR_RUNTIME_CONFIG', message);
  }
}

/** The selected transport is not part of this build (go1.x before `src/go1x` exists). */
export class TransportUnavailableError extends LambdaRuntimeError {
  constructor(transport: string, missing: string, cause?: unknown) {
    super(
      'Runtime.TransportUnavailable',
      'ERR_TRANSPORT_UNAVAILABLE',
      `the ${transport} transport is not available in this build of @tslambda/lambda-runtime: ${missing}`,
      { cause },
    );
  }
}

/** `_HANDLER` is not of the form `path.export`. */
export class MalformedHandlerNameError extends LambdaRuntimeError {
  constructor(message: string) {
    super('Runtime.MalformedHandlerName', 'ERR_MALFORMED_HANDLER_NAME', message);
  }
}

/** The handler module has no such export, or it is not a function. */
export class HandlerNotFoundError extends LambdaRuntimeError {
  constructor(message: string) {
    super('Runtime.HandlerNotFound', 'ERR_HANDLER_NOT_FOUND', message);
  }
}

/** The handler module (or a module it imports) cannot be found. */
export class ImportModuleError extends LambdaRuntimeError {
  constructor(message: string, cause?: unknown) {
    super('Runtime.ImportModuleError', 'ERR_IMPORT_MODULE', message, { cause });
  }
}

/** The handler module has a syntax error. */
export class UserCodeSyntaxError extends LambdaRuntimeError {
  constructor(cause: Error) {
    super('Runtime.UserCodeSyntaxError', 'ERR_USER_CODE_SYNTAX', String(cause), { cause });
    if (cause.stack) this.stack = cause.stack;
  }
}

/** A 3-argument (callback) handler: not supported, as in the Node.js 24 runtime. */
export class CallbackHandlerError extends LambdaRuntimeError {
  constructor() {
    super(
      'Runtime.CallbackHandlerDeprecated',
      'ERR_CALLBACK_HANDLER',
      'callback-based handlers (event, context, callback) are not supported: return a value or a promise from a 2-argument (event, context) handler, or wrap a streaming handler with streamifyResponse()',
    );
  }
}

/** A promise rejected with nobody handling it while an invocation ran. */
export class UnhandledPromiseRejectionError extends LambdaRuntimeError {
  /** The rejection reason. */
  readonly reason: unknown;
  constructor(reason: unknown) {
    super('Runtime.UnhandledPromiseRejection', 'ERR_UNHANDLED_REJECTION', describeReason(reason));
    this.reason = reason;
  }
}

/** The event payload is not valid JSON. */
export class InvalidEventError extends LambdaRuntimeError {
  constructor(cause: unknown) {
    super('Runtime.InvalidEventPayload', 'ERR_INVALID_EVENT', `the event payload is not valid JSON: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

/** The handler's result cannot be serialized to JSON. */
export class JSONStringifyError extends LambdaRuntimeError {
  constructor(cause: unknown) {
    super('Runtime.JSONStringifyError', 'ERR_JSON_STRINGIFY', `unable to stringify the response body: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

/** The response is larger than Lambda accepts (6 MB buffered, 200 MB streamed). */
export class ResponseSizeTooLargeError extends LambdaRuntimeError {
  constructor(size: number, limit: number) {
    super(
      'Function.ResponseSizeTooLarge',
      'ERR_RESPONSE_SIZE_TOO_LARGE',
      `Response payload size (${size} bytes) exceeded maximum allowed payload size (${limit} bytes).`,
    );
  }
}

/** A streaming operation that is no longer possible (e.g. setting the content type after the first write). */
export class InvalidStreamingOperationError extends LambdaRuntimeError {
  constructor(message: string) {
    super('Runtime.InvalidStreamingOperation', 'ERR_INVALID_STREAMING_OPERATION', message);
  }
}

/** The Runtime API failed in a way retries did not fix, or answered with an unexpected status. */
export class RuntimeApiError extends LambdaRuntimeError {
  /** HTTP status, when there was a response. */
  readonly status: number | undefined;
  constructor(message: string, status?: number, cause?: unknown) {
    super('Runtime.RuntimeApiError', 'ERR_RUNTIME_API', message, { cause });
    this.status = status;
  }
}

/** A SnapStart before-snapshot or after-restore hook failed. */
export class SnapStartHookError extends LambdaRuntimeError {
  constructor(phase: 'beforeSnapshot' | 'afterRestore', cause: unknown) {
    super('Runtime.SnapStartHookError', 'ERR_SNAPSTART_HOOK', `${phase} hook failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

function describeReason(reason: unknown): string {
  try {
    if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
    return String(reason);
  } catch {
    return 'unprintable rejection reason';
  }
}
