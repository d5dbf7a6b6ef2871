import type { BodyType } from './body.js';

/** The header of a call, as Go's `rpc.Request`. */
export interface RequestHeader {
  serviceMethod: string;
  seq: number;
}

/** The header of a reply, as Go's `rpc.Response`. `error` is `''` on success. */
export interface ResponseHeader {
  serviceMethod: string;
  seq: number;
  error: string;
}

/** A body read from the wire. */
export interface Body {
  value: unknown;
}

/**
 * The server side of a codec (Go's `rpc.ServerCodec`), without I/O: the server pushes the bytes
 * it reads and writes the bytes the codec returns. Reads return `undefined` when more bytes are
 * needed, or, after {@link ServerCodec.end}, at a clean end of input. They throw a `ProtocolError`
 * when the stream is broken (the connection then closes) and a `BodyError` when only this call's
 * body is bad (the server answers with the error and goes on, like Go).
 */
export interface ServerCodec {
  push(chunk: Uint8Array): void;
  /** No more input will come. */
  end(): void;
  readRequestHeader(): RequestHeader | undefined;
  /** Reads the body of the request whose header was just read. */
  readRequestBody(type: BodyType): Body | undefined;
  /** Reads and drops the body (Go's `ReadRequestBody(nil)`); false when more bytes are needed. */
  discardRequestBody(): boolean;
  /**
   * Optional: the byte arrays of the bodies read so far are no longer used, so the codec may
   * reuse the memory behind them. The server calls it only when every such body was an
   * argument of a method with `transientArgs`, after its handler returned.
   */
  releaseBodies?(): void;
  /** Encodes a reply. `type` is `undefined` for an error reply (`header.error` set). */
  writeResponse(header: ResponseHeader, body: unknown, type: BodyType | undefined): Uint8Array;
  /**
   * Optional: {@link ServerCodec.writeResponse} as pieces to write in order, so that a large
   * body is not copied once more to join it to its header. The server uses it when present.
   * With `borrow` true the pieces may be views of the body's own byte arrays (the server then
   * tells the method with `onReplyWritten` once they are written); otherwise they must not be.
   */
  writeResponseParts?(header: ResponseHeader, body: unknown, type: BodyType | undefined, borrow?: boolean): readonly Uint8Array[];
}

/** The client side of a codec (Go's `rpc.ClientCodec`), without I/O. See {@link ServerCodec}. */
export interface ClientCodec {
  push(chunk: Uint8Array): void;
  end(): void;
  /** Encodes a call. Throws a `BodyError`, and changes no state, when `body` does not fit `type`. */
  writeRequest(header: RequestHeader, body: unknown, type: BodyType): Uint8Array;
  readResponseHeader(): ResponseHeader | undefined;
  readResponseBody(type: BodyType): Body | undefined;
  discardResponseBody(): boolean;
}

/** Limits a codec enforces on what it reads. */
export interface CodecLimits {
  /** Largest message accepted, in bytes. */
  maxMessageSize: number;
}

/** A codec: makes the two sides for each connection. `gobCodec` and `jsonCodec` are the built-in ones. */
export interface Codec {
  readonly name: string;
  server(limits: CodecLimits): ServerCodec;
  client(limits: CodecLimits): ClientCodec;
}
