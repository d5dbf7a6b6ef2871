/** Base class of every error `@tslambda/netrpc` throws. `code` is stable; `name` is the class name. */
export class NetRpcError extends Error {
  override name = 'NetRpcError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The server answered the call with `Response.Error` set (Go's `rpc.ServerError`): the method
 * returned an error, or the server could not find or decode the call. The message is the server's text.
 */
export class ServerError extends NetRpcError {
  override name = 'ServerError';
  constructor(message: string) {
    super(message, 'ERR_NETRPC_SERVER');
  }
}

/**
 * The connection is shut down (Go's `rpc.ErrShutdown` and its `io.ErrUnexpectedEOF`): the client was
 * closed, the peer closed the connection, or the stream broke. Every call pending at that moment
 * fails with this error at once; `cause` holds the underlying transport or protocol error, if any.
 */
export class ShutdownError extends NetRpcError {
  override name = 'ShutdownError';
  constructor(message = 'connection is shut down', cause?: unknown) {
    super(message, 'ERR_NETRPC_SHUTDOWN', cause === undefined ? undefined : { cause });
  }
}

/** The peer sent bytes that do not follow the protocol, or a message beyond a configured limit. */
export class ProtocolError extends NetRpcError {
  override name = 'ProtocolError';
  constructor(message: string, code = 'ERR_NETRPC_PROTOCOL', options?: { cause?: unknown }) {
    super(message, code, options);
  }
}

/** A call's own timeout expired before its reply arrived. */
export class CallTimeoutError extends NetRpcError {
  override name = 'CallTimeoutError';
  constructor(serviceMethod: string, ms: number) {
    super(`rpc: call ${serviceMethod} timed out after ${ms} ms`, 'ERR_NETRPC_TIMEOUT');
  }
}

/** A call's `AbortSignal` fired before its reply arrived. `cause` is the signal's reason. */
export class CallAbortedError extends NetRpcError {
  override name = 'CallAbortedError';
  constructor(serviceMethod: string, reason: unknown) {
    super(`rpc: call ${serviceMethod} aborted`, 'ERR_NETRPC_ABORTED', { cause: reason });
  }
}

/** A call's arguments or a reply could not be encoded or decoded with the types given for it. */
export class BodyError extends NetRpcError {
  override name = 'BodyError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'ERR_NETRPC_BODY', options);
  }
}

/** The HTTP CONNECT handshake of `dialHTTP` or of an HTTP-mode server failed. */
export class HttpConnectError extends NetRpcError {
  override name = 'HttpConnectError';
  constructor(message: string) {
    super(message, 'ERR_NETRPC_HTTP_CONNECT');
  }
}

/** A `Server` was used wrongly: a bad registration, or `listen` after `close`. */
export class ServerConfigError extends NetRpcError {
  override name = 'ServerConfigError';
  constructor(message: string) {
    super(message, 'ERR_NETRPC_CONFIG');
  }
}
