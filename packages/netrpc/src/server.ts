import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { Codec } from './codec.js';
import { ServerConfigError, ShutdownError } from './errors.js';
import { gobCodec } from './gob-codec.js';
import { acceptConnect, DEFAULT_RPC_PATH } from './http-connect.js';
import { ServerConn } from './server-conn.js';
import type { Method, Methods } from './service.js';

/** Options of a {@link Server}. */
export interface ServerOptions {
  /** Codec of every connection unless a `listen`/`serve` call says otherwise. Default: gob. */
  codec?: Codec;
  /** Largest request message accepted, in bytes; a larger one closes the connection. Default 64 MiB. */
  maxMessageSize?: number;
  /** Calls run at once per connection; beyond that the server stops reading. Default 256. */
  maxInFlight?: number;
  /** Reply bytes queued per connection before the server stops reading. Default 4 MiB. */
  maxWriteBuffer?: number;
}

/** How a connection is served: plain, or behind an HTTP CONNECT as with Go's `rpc.HandleHTTP`. */
export interface ServeOptions {
  codec?: Codec;
  /** Expect `CONNECT <path>` first (`true` means Go's `/_goRPC_`). */
  http?: boolean | { path?: string; handshakeTimeout?: number };
}

/** Where to listen. The host defaults to `127.0.0.1`. */
export interface ListenOptions extends ServeOptions {
  port?: number;
  host?: string;
}

/** Options of {@link Server.close}. */
export interface CloseOptions {
  /** Milliseconds running calls get to finish before their connections are destroyed. Default 5000. */
  grace?: number;
}

/**
 * A Go `net/rpc` server: register services, then listen on TCP, attach to a `net.Server`, or serve
 * any duplex stream. Each connection reads calls, runs them concurrently and writes each reply as
 * it completes, with Go's error replies for unknown services or methods, ill-formed names and
 * undecodable arguments.
 *
 * @example
 * ```ts
 * import { Server, method } from '@tslambda/netrpc';
 * import { t } from '@tslambda/gob';
 *
 * const Args = t.struct('Args', { A: t.int(), B: t.int() });
 * const server = new Server();
 * server.register('Arith', {
 *   Multiply: method({ args: Args, reply: t.int(), handler: ({ A, B }) => A * B }),
 * });
 * const { port } = await server.listen({ port: 0 });
 * // Go: client, _ := rpc.Dial("tcp", addr); client.Call("Arith.Multiply", &Args{7, 8}, &reply)
 * await server.close();
 * ```
 */
export class Server {
  private readonly services = new Map<string, Map<string, Method>>();
  private readonly conns = new Set<ServerConn>();
  private readonly listeners = new Set<net.Server>();
  private readonly handshakes = new Set<Duplex>();
  private closing: Promise<void> | undefined;
  private readonly codec: Codec;
  private readonly maxMessageSize: number;
  private readonly maxInFlight: number;
  private readonly maxWriteBuffer: number;

  constructor(options: ServerOptions = {}) {
    this.codec = options.codec ?? gobCodec();
    this.maxMessageSize = options.maxMessageSize ?? 64 * 1024 * 1024;
    this.maxInFlight = options.maxInFlight ?? 256;
    this.maxWriteBuffer = options.maxWriteBuffer ?? 4 * 1024 * 1024;
  }

  /**
   * Registers a service (Go's `rpc.RegisterName`): its methods are called as `"<name>.<Method>"`.
   * Throws a `ServerConfigError` for an empty name, a name already registered, or no methods.
   */
  register(name: string, methods: Methods): this {
    if (name === '') throw new ServerConfigError('rpc.Register: no service name');
    if (this.services.has(name)) throw new ServerConfigError(`rpc: service already defined: ${name}`);
    const table = new Map<string, Method>();
    for (const [methodName, m] of Object.entries(methods)) {
      if (methodName === '' || methodName.includes('.')) {
        throw new ServerConfigError(`rpc.Register: bad method name ${JSON.stringify(methodName)}`);
      }
      table.set(methodName, m as Method);
    }
    if (table.size === 0) throw new ServerConfigError(`rpc.Register: type ${name} has no exported methods of suitable type`);
    this.services.set(name, table);
    this.found.clear();
    return this;
  }

  /** Connections being served. */
  get connections(): number {
    return this.conns.size;
  }

  private readonly found = new Map<string, Method | string>();

  private readonly lookup = (serviceMethod: string): Method | string => {
    let r = this.found.get(serviceMethod);
    if (r === undefined) {
      r = this.find(serviceMethod);
      // Cache only the names that exist, so that clients cannot grow the cache.
      if (typeof r !== 'string') this.found.set(serviceMethod, r);
    }
    return r;
  };

  private find(serviceMethod: string): Method | string {
    const dot = serviceMethod.lastIndexOf('.');
    if (dot < 0) return `rpc: service/method request ill-formed: ${serviceMethod}`;
    const service = this.services.get(serviceMethod.slice(0, dot));
    if (!service) return `rpc: can't find service ${serviceMethod}`;
    return service.get(serviceMethod.slice(dot + 1)) ?? `rpc: can't find method ${serviceMethod}`;
  }

  /**
   * Serves one duplex stream (a socket, a pipe, a TLS stream) until it closes. Resolves when the
   * connection is closed; never rejects.
   */
  async serve(stream: Duplex, options: ServeOptions = {}): Promise<void> {
    if (this.closing) {
      stream.destroy();
      return;
    }
    if ((stream as net.Socket).setNoDelay) (stream as net.Socket).setNoDelay(true);
    stream.on('error', ignore);
    let initial: Uint8Array | undefined;
    const http = options.http;
    if (http) {
      const path = (typeof http === 'object' && http.path) || DEFAULT_RPC_PATH;
      const timeout = (typeof http === 'object' && http.handshakeTimeout) || 30_000;
      this.handshakes.add(stream);
      try {
        initial = await acceptConnect(stream, path, timeout);
      } catch {
        stream.destroy();
        return;
      } finally {
        this.handshakes.delete(stream);
      }
      if (!initial) return;
      if (this.closing) {
        stream.destroy();
        return;
      }
    }
    const codec = (options.codec ?? this.codec).server({ maxMessageSize: this.maxMessageSize });
    const conn = new ServerConn(stream, codec, this.lookup, {
      maxInFlight: this.maxInFlight,
      maxWriteBuffer: this.maxWriteBuffer,
    });
    this.conns.add(conn);
    conn.start(initial);
    await conn.done;
    this.conns.delete(conn);
  }

  /** Serves every connection `netServer` accepts (Go's `Server.Accept`). */
  attach(netServer: net.Server, options: ServeOptions = {}): void {
    this.listeners.add(netServer);
    netServer.on('connection', (socket: net.Socket) => void this.serve(socket, options));
  }

  /**
   * Listens on TCP (host `127.0.0.1` unless given) and serves every connection. Resolves to the
   * bound address.
   *
   * @example
   * ```ts
   * const { port } = await server.listen({ port: Number(process.env._LAMBDA_SERVER_PORT) });
   * ```
   */
  listen(options: ListenOptions = {}): Promise<net.AddressInfo> {
    if (this.closing) return Promise.reject(new ServerConfigError('rpc: server is closed'));
    const netServer = net.createServer({ allowHalfOpen: true });
    this.attach(netServer, options);
    return new Promise((resolve, reject) => {
      netServer.once('error', (err) => {
        this.listeners.delete(netServer);
        reject(err);
      });
      netServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        netServer.on('error', ignore);
        resolve(netServer.address() as net.AddressInfo);
      });
    });
  }

  /**
   * Graceful shutdown: stops accepting, reads no further calls, lets running calls answer, then
   * closes each connection. Calls still running after `grace` ms have their `signal` aborted and
   * their connections destroyed. Resolves when every listener and connection is closed.
   */
  close(options: CloseOptions = {}): Promise<void> {
    this.closing ??= this.shutdown(options.grace ?? 5000);
    return this.closing;
  }

  private async shutdown(grace: number): Promise<void> {
    const closed = [...this.listeners].map(
      (l) => new Promise<void>((resolve) => (l.listening ? l.close(() => resolve()) : resolve())),
    );
    for (const s of this.handshakes) s.destroy();
    for (const c of this.conns) c.drain();
    const all = Promise.all([...this.conns].map((c) => c.done));
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), grace)));
    const timedOut = await Promise.race([all.then(() => false), expired]);
    clearTimeout(timer);
    if (timedOut) {
      for (const c of this.conns) c.destroy(new ShutdownError('rpc: server shut down before the call finished'));
      await Promise.all([...this.conns].map((c) => c.done));
    }
    await Promise.all(closed);
  }
}

function ignore(): void {}
