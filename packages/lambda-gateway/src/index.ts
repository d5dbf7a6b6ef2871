export { handle, DEFAULT_MAX_RESPONSE_BYTES, type HttpHandler } from './handle.js';
export { handleStreaming, type StreamingGatewayOptions } from './handle-streaming.js';
export {
  handleNode,
  handleNodeStreaming,
  type NodeRequestListener,
  type NodeGatewayOptions,
  type NodeStreamingGatewayOptions,
} from './node/handle-node.js';
export { start, startNode, type StartGatewayOptions } from './start.js';
export { detectEventKind } from './detect.js';
export { isBinaryResponse } from './binary.js';
export { GatewayError, UnsupportedEventError, InvalidHttpEventError, ResponseTooLargeError, InvalidResponseError } from './errors.js';
export type {
  EventKind,
  HttpEvent,
  HttpResult,
  LambdaHttpContext,
  FetchHandler,
  FetchApp,
  BinaryRule,
  GatewayOptions,
} from './types.js';
