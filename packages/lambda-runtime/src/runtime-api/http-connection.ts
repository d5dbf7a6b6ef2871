import { connect, type Socket } from 'node:net';
import { RuntimeApiError } from '../errors.js';
import { ResponseParser, type HttpResponse, type ParserLimits } from './http-parser.js';

/** Request headers: values are sent as given (numbers in decimal). */
export type RequestHeaders = Record<string, string | number>;

// Header values Node's http module accepts: no control characters but tab, nothing above 0xff.
const BAD_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Request bodies up to this size are written with the headers from a reused buffer. */
const REUSE_LIMIT = 1024 * 1024;

interface Pending {
  parser: ResponseParser;
  resolve(response: HttpResponse): void;
  reject(error: unknown): void;
}

/**
 * One keep-alive HTTP/1.1 connection to the Runtime API, one request at a
 * time (no pipelining). Connects on first use and again after the server
 * closes it. An idle connection does not keep the process alive.
 */
export class HttpConnection {
  readonly host: string;
  readonly port: number;
  readonly limits: Partial<ParserLimits>;
  #socket: Socket | undefined;
  #pending: Pending | undefined;
  #hostHeader: string;
  #out: Buffer | undefined;
  #writing = false;

  constructor(host: string, port: number, limits: Partial<ParserLimits> = {}) {
    this.host = host;
    this.port = port;
    this.limits = limits;
    this.#hostHeader = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  /** Whether a request is in flight. */
  get busy(): boolean {
    return this.#pending !== undefined;
  }

  /**
   * Sends one request and resolves with the complete response. A body is
   * sent with `Content-Length`. Rejects with {@link RuntimeApiError} on a
   * connection failure or a malformed response (the socket is then dropped).
   */
  request(method: string, path: string, headers: RequestHeaders | undefined, body: string | Buffer | undefined): Promise<HttpResponse> {
    if (this.#pending) return Promise.reject(new RuntimeApiError('HTTP connection busy (no pipelining)'));
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.#hostHeader}\r\nConnection: keep-alive\r\n`;
    if (headers) {
      for (const name in headers) {
        const value = String(headers[name]);
        if (!TOKEN.test(name) || BAD_HEADER_VALUE.test(value)) {
          return Promise.reject(new RuntimeApiError(`invalid request header ${JSON.stringify(name)}`));
        }
        if (name.toLowerCase() !== 'content-length') head += `${name}: ${value}\r\n`;
      }
    }
    let size = 0;
    if (body !== undefined) {
      size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      head += `Content-Length: ${size}\r\n`;
    }
    head += '\r\n';
    return new Promise<HttpResponse>((resolve, reject) => {
      this.#pending = { parser: new ResponseParser(this.limits), resolve, reject };
      const socket = this.#socket ?? this.#connect();
      socket.ref();
      this.#write(socket, head, body, size);
    });
  }

  /** Destroys the socket; a request in flight rejects with `error`. */
  destroy(error: unknown = new RuntimeApiError('the Runtime API connection was closed')): void {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#fail(error);
    socket?.destroy();
  }

  /** Head and body in one write: copied into a reused buffer when it is free, else as given. */
  #write(socket: Socket, head: string, body: string | Buffer | undefined, size: number): void {
    const total = head.length + size;
    if (total > REUSE_LIMIT || this.#writing) {
      if (body === undefined) socket.write(head, 'latin1');
      else if (typeof body === 'string' && total < 16 * 1024) socket.write(head + body, 'utf8');
      else {
        socket.cork();
        socket.write(head, 'latin1');
        // A large string is much faster to send as one Buffer.
        socket.write(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
        socket.uncork();
      }
      return;
    }
    if (!this.#out || this.#out.length < total) this.#out = Buffer.allocUnsafeSlow(Math.min(REUSE_LIMIT, Math.max(total, 4096, (this.#out?.length ?? 0) * 2)));
    const out = this.#out;
    let n = out.write(head, 0, 'latin1');
    if (typeof body === 'string') n += out.write(body, n, 'utf8');
    else if (body) n += body.copy(out, n);
    this.#writing = true;
    socket.write(out.subarray(0, n), () => {
      this.#writing = false;
    });
  }

  #connect(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => this.#onData(socket, chunk));
    socket.on('error', (err) => this.#onGone(socket, err));
    socket.on('close', () => this.#onGone(socket, undefined));
    socket.on('end', () => this.#onGone(socket, undefined));
    return socket;
  }

  #onData(socket: Socket, chunk: Buffer): void {
    const pending = this.#pending;
    if (!pending || socket !== this.#socket) {
      // Bytes nobody asked for: the connection's framing is lost.
      if (socket === this.#socket) this.#socket = undefined;
      socket.destroy();
      return;
    }
    let response: HttpResponse | undefined;
    try {
      response = pending.parser.push(chunk);
    } catch (err) {
      this.destroy(err);
      return;
    }
    if (!response) return;
    this.#pending = undefined;
    if (response.keepAlive) socket.unref();
    else {
      this.#socket = undefined;
      socket.destroy();
    }
    pending.resolve(response);
  }

  #onGone(socket: Socket, error: Error | undefined): void {
    if (socket !== this.#socket) return;
    this.#socket = undefined;
    socket.destroy();
    const pending = this.#pending;
    if (!pending) return;
    if (error) {
      this.#fail(new RuntimeApiError(`Runtime API connection failed: ${error.message}`, undefined, error));
      return;
    }
    let response: HttpResponse;
    try {
      response = pending.parser.end();
    } catch (err) {
      this.#fail(err);
      return;
    }
    this.#pending = undefined;
    pending.resolve(response);
  }

  #fail(error: unknown): void {
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error);
  }
}
