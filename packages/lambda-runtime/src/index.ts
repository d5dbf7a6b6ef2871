export { start, type StartHandler, type StartOptions } from './start.js';
export type { ClientContext, CognitoIdentity, Context, Handler, InvocationMeta, W3CTraceContext } from './types.js';
export { currentContext, createContext, runWithContext, setSingleInvocationMode, parseClientContext, functionInfoFromEnv, InvocationContext, type FunctionInfo } from './context.js';
export { handler } from './define-handler.js';
export { loadHandler } from './load-handler.js';
export {
  streamifyResponse,
  isStreamingHandler,
  httpResponseStream,
  encodeHttpPrelude,
  LambdaResponseStream,
  HTTP_INTEGRATION_CONTENT_TYPE,
  DEFAULT_STREAM_CONTENT_TYPE,
  MAX_STREAM_RESPONSE_BYTES,
  type ResponseStream,
  type StreamingHandler,
  type StreamingOptions,
  type HttpResponsePrelude,
  type StreamSink,
} from './stream.js';
export { logger, patchConsole, configureLogging, type Logger, type LogLevel, type LogMethod, type LogConfig } from './log.js';
export { onShutdown, beforeSnapshot, afterRestore, type Hook } from './hooks.js';
export {
  formatError,
  toInvokeResponseError,
  parseStack,
  xrayErrorCause,
  type ErrorResponse,
  type InvokeResponseError,
  type InvokeResponseErrorStackFrame,
  type StackFrame,
  type XRayErrorCause,
} from './format-error.js';
export { invokeBuffered, parseEvent, serializeResult, logInvokeError, MAX_RESPONSE_BYTES, type InvokeOutcome } from './invoke.js';
export { resolveConfig, type Protocol, type ResolvedConfig, type ConfigOptions } from './config.js';
export { ExitCode } from './exit-codes.js';
export type { Transport, TransportCore, TransportSettings, ServeTransport } from './transport.js';
export {
  LambdaRuntimeError,
  RuntimeConfigError,
  TransportUnavailableError,
  MalformedHandlerNameError,
  HandlerNotFoundError,
  ImportModuleError,
  UserCodeSyntaxError,
  CallbackHandlerError,
  UnhandledPromiseRejectionError,
  InvalidEventError,
  JSONStringifyError,
  ResponseSizeTooLargeError,
  InvalidStreamingOperationError,
  RuntimeApiError,
  SnapStartHookError,
} from './errors.js';
