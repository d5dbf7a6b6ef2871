export { LocalFunction, encodePayload, MAX_REQUEST_BYTES, type LocalFunctionOptions, type InvokeOptions, type InvokeResult, type StreamingInvokeResult, type LogRecord } from './local-function.js';
export type { Protocol, OutputStream } from './instance.js';
export type { InvocationReport } from './report.js';
export { reportLine, startLine, endLine } from './report.js';
export { resolveEntry, type ResolvedEntry } from './entry.js';
export { functionEnvironment, type EnvironmentSpec } from './env.js';
export { MAX_BUFFERED_RESPONSE, MAX_STREAMED_RESPONSE } from './runtime-api-server.js';
export {
  LocalLambdaError,
  EntryNotFoundError,
  InvalidOptionError,
  InvalidPayloadError,
  TooManyRequestsError,
  ClosedError,
  UnknownEventKindError,
  type LocalLambdaErrorCode,
} from './errors.js';
export { serve, tail, type ServeOptions, type InvokeServer } from './invoke-server.js';
export { toFunctionUrlEvent, writeFunctionUrlResponse, HTTP_INTEGRATION_CONTENT_TYPE, type FunctionUrlSettings } from './function-url.js';
export { sampleEvent, sampleKinds, sampleAliases, type Sample } from './samples/index.js';
