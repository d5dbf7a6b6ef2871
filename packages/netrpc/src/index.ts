export { Server, type ServerOptions, type ServeOptions, type ListenOptions, type CloseOptions } from './server.js';
export { Client, dial, dialHTTP, type ClientOptions, type CallOptions, type DialOptions } from './client.js';
export { method, type Method, type Methods, type CallContext } from './service.js';
export { json, isJsonType, type JsonType, type JsonValue, type BodyType, type InferBody } from './body.js';
export { gobCodec, type GobCodecOptions } from './gob-codec.js';
export { jsonCodec } from './jsonrpc.js';
export type { Codec, CodecLimits, ServerCodec, ClientCodec, RequestHeader, ResponseHeader, Body } from './codec.js';
export { DEFAULT_RPC_PATH, CONNECTED } from './http-connect.js';
export {
  NetRpcError,
  ServerError,
  ShutdownError,
  ProtocolError,
  CallTimeoutError,
  CallAbortedError,
  BodyError,
  HttpConnectError,
  ServerConfigError,
} from './errors.js';
