import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { BodyType, InferBody } from './body.js';
import type { ClientCodec, Codec, ResponseHeader } from './codec.js';
import { BodyError, CallAbortedError, CallTimeoutError, ServerError, ShutdownError } from './errors.js';
import { gobCodec } from './gob-codec.js';
import { DEFAULT_RPC_PATH, requestConnect } from './http-connect.js';

/** Options of a {@link Client}. */
export interface ClientOptions {
  /** Default: gob. Use `jsonCodec` for Go's `net/rpc/jsonrpc`. */
  codec?: Codec;
  /** Largest reply message accepted, in bytes; a larger one shuts the connection down. Default 64 MiB. */
  maxMessageSize?: number;
  /** Default timeout of every call, in ms. Default: none. */
  timeout?: number;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call: it fails with `CallAbortedError`; a late reply is read and dropped. */
  signal?: AbortSignal;
  /** Fails the call with `CallTimeoutError` after this many ms; a late reply is read and dropped. */
  timeout?: number;
}

interface Pending {
  serviceMethod: string;
  replyType: BodyType;
  resolve(value: unknown): void;
  reject(err: Error): void;
  cleanup(): void;
}

/**
 * A Go `net/rpc` client on one connection. Calls are pipelined and matched to replies by `Seq`.
 * A reply with `Response.Error` set rejects with {@link ServerError}; when the connection ends,
 * every pending call rejects at once with {@link ShutdownError}, like Go's `ErrShutdown`.
 *
 * @example
 * ```ts
 * const client = await dial({ port: 1234 });
 * const product = await client.call('Arith.Multiply', { A: 7, B: 8 }, Args, t.int(), { timeout: 1000 });
 * await client.close();
 * ```
 */
export class Client {
  private readonly codec: ClientCodec;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private header: ResponseHeader | undefined;
  private shutdownError: ShutdownError | undefined;
  private closing = false;
  private corked = false;
  private readonly defaultTimeout: number | undefined;
  /** Resolves once the connection is closed. */
  readonly closed: Promise<void>;

  /** Wraps a connected duplex stream; `initial` holds reply bytes already read from it. */
  constructor(
    private readonly stream: Duplex,
    options: ClientOptions = {},
    initial?: Uint8Array,
  ) {
    this.codec = (options.codec ?? gobCodec()).client({ maxMessageSize: options.maxMessageSize ?? 64 * 1024 * 1024 });
    this.defaultTimeout = options.timeout;
    this.closed = new Promise((resolve) => stream.once('close', () => resolve()));
    stream.on('data', this.onData);
    stream.on('end', this.onEnd);
    stream.on('error', this.onError);
    stream.on('close', this.onClose);
    if (stream.destroyed) this.onClose();
    if (initial && initial.length > 0) this.onData(initial);
    stream.resume();
  }

  /** Calls waiting for a reply. */
  get pendingCalls(): number {
    return this.pending.size;
  }

  /** True once the connection is shut down; further calls fail with `ShutdownError`. */
  get isShutdown(): boolean {
    return this.shutdownError !== undefined;
  }

  /**
   * Calls `serviceMethod` (`"Service.Method"`) with `args` encoded as `argType`; resolves to the
   * reply decoded as `replyType`.
   */
  call<AS extends BodyType, RS extends BodyType>(
    serviceMethod: string,
    args: InferBody<AS>,
    argType: AS,
    replyType: RS,
    options: CallOptions = {},
  ): Promise<InferBody<RS>> {
    if (this.shutdownError) return Promise.reject(this.shutdownError);
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(new CallAbortedError(serviceMethod, signal.reason));
    const seq = this.seq++;
    let bytes: Uint8Array;
    try {
      bytes = this.codec.writeRequest({ serviceMethod, seq }, args, argType);
    } catch (err) {
      if (err instanceof BodyError) return Promise.reject(err);
      this.shutdown(new ShutdownError(`rpc: cannot encode request: ${(err as Error).message}`, err));
      return Promise.reject(this.shutdownError);
    }
    return new Promise<InferBody<RS>>((resolve, reject) => {
      const timeout = options.timeout ?? this.defaultTimeout;
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => this.cancel(seq, new CallAbortedError(serviceMethod, signal?.reason));
      const entry: Pending = {
        serviceMethod,
        replyType,
        resolve: resolve as (v: unknown) => void,
        reject,
        cleanup: () => {
          if (timer) clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      };
      this.pending.set(seq, entry);
      if (timeout !== undefined) timer = setTimeout(() => this.cancel(seq, new CallTimeoutError(serviceMethod, timeout)), timeout);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.write(bytes);
    });
  }

  /**
   * Closes the connection. Pending calls fail at once with `ShutdownError`; resolves when the
   * stream is closed.
   */
  close(): Promise<void> {
    this.closing = true;
    this.shutdown(new ShutdownError());
    this.stream.destroy();
    return this.closed;
  }

  private cancel(seq: number, err: Error): void {
    const p = this.pending.get(seq);
    if (!p) return;
    this.pending.delete(seq);
    p.cleanup();
    p.reject(err);
  }

  private write(bytes: Uint8Array): void {
    const s = this.stream;
    if (!this.corked) {
      this.corked = true;
      s.cork();
      process.nextTick(this.uncork);
    }
    s.write(bytes);
  }

  private readonly uncork = () => {
    this.corked = false;
    this.stream.uncork();
  };

  private readonly onData = (chunk: Uint8Array) => {
    if (this.shutdownError) return;
    try {
      this.codec.push(chunk);
    } catch (err) {
      this.shutdown(new ShutdownError((err as Error).message, err));
      this.stream.destroy();
      return;
    }
    this.readReplies();
  };

  private readReplies(): void {
    const codec = this.codec;
    try {
      for (;;) {
        let h = this.header;
        if (!h) {
          h = codec.readResponseHeader();
          if (!h) return;
          this.header = h;
        }
        const p = this.pending.get(h.seq);
        if (!p || h.error !== '') {
          if (!codec.discardResponseBody()) return;
          this.header = undefined;
          if (p) this.settle(h.seq, p, new ServerError(h.error));
          continue;
        }
        let body;
        try {
          body = codec.readResponseBody(p.replyType);
        } catch (err) {
          if (!(err instanceof BodyError)) throw err;
          this.header = undefined;
          this.settle(h.seq, p, new BodyError(`reading body ${err.message}`, { cause: err }));
          continue;
        }
        if (!body) return;
        this.header = undefined;
        this.pending.delete(h.seq);
        p.cleanup();
        p.resolve(body.value);
      }
    } catch (err) {
      this.shutdown(new ShutdownError((err as Error).message, err));
      this.stream.destroy();
    }
  }

  private settle(seq: number, p: Pending, err: Error): void {
    this.pending.delete(seq);
    p.cleanup();
    p.reject(err);
  }

  private readonly onEnd = () => {
    if (this.shutdownError) return;
    this.codec.end();
    this.readReplies();
    this.shutdown(this.closing ? new ShutdownError() : new ShutdownError('unexpected EOF'));
    this.stream.destroy();
  };

  private readonly onError = (err: Error) => {
    this.shutdown(new ShutdownError(err.message, err));
  };

  private readonly onClose = () => {
    this.shutdown(this.closing ? new ShutdownError() : new ShutdownError('unexpected EOF'));
  };

  private shutdown(err: ShutdownError): void {
    if (this.shutdownError) return;
    this.shutdownError = err;
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const p of calls) {
      p.cleanup();
      p.reject(err);
    }
  }
}

/** Where to dial. The host defaults to `127.0.0.1`. */
export interface DialOptions extends ClientOptions {
  port: number;
  host?: string;
  /** Connect timeout in ms (and, for `dialHTTP`, the handshake's). Default 30000. */
  connectTimeout?: number;
}

function connect(options: DialOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port: options.port, host: options.host ?? '127.0.0.1' });
    const timer = setTimeout(() => socket.destroy(new Error('rpc: connect timed out')), options.connectTimeout ?? 30_000);
    const onError = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

/**
 * Dials a Go `net/rpc` server over TCP (Go's `rpc.Dial`, or `jsonrpc.Dial` with `codec: jsonCodec`).
 *
 * @example
 * ```ts
 * const client = await dial({ port: 1234 });
 * ```
 */
export async function dial(options: DialOptions): Promise<Client> {
  const socket = await connect(options);
  return new Client(socket, options);
}

/**
 * Dials a server that serves RPC over HTTP CONNECT (Go's `rpc.DialHTTP` / `DialHTTPPath`, for a
 * server using `rpc.HandleHTTP`). Rejects with `HttpConnectError` when the server refuses.
 *
 * @example
 * ```ts
 * const client = await dialHTTP({ port: 8080 }); // path defaults to /_goRPC_
 * ```
 */
export async function dialHTTP(options: DialOptions & { path?: string }): Promise<Client> {
  const socket = await connect(options);
  try {
    const rest = await requestConnect(socket, options.path ?? DEFAULT_RPC_PATH, options.connectTimeout ?? 30_000);
    return new Client(socket, options, rest);
  } catch (err) {
    socket.destroy();
    throw err;
  }
}
