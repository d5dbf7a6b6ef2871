// A real HTTP server on 127.0.0.1 that plays the Lambda Runtime API for tests.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Posted {
  kind: 'response' | 'error' | 'init-error' | 'restore-error' | 'extension';
  requestId?: string;
  headers: IncomingHttpHeaders;
  trailers: Record<string, string>;
  body: Buffer;
  /** Chunks as they arrived (streaming). */
  chunks: Buffer[];
}

export interface QueuedInvoke {
  payload: string | Buffer;
  headers?: Record<string, string>;
}

type Fault = 'status500' | 'drop';

/** The fake Runtime API. */
export class FakeRuntimeApi {
  readonly server: Server;
  endpoint = '';
  readonly posted: Posted[] = [];
  readonly nextHeaders: IncomingHttpHeaders[] = [];
  /** Faults applied to the next /next requests, in order. */
  nextFaults: Fault[] = [];
  /** Faults applied to the next /response requests, in order. */
  responseFaults: (Fault | 413)[] = [];
  /** Streamed responses whose connection is dropped after the first chunk. */
  streamDrops = 0;
  droppedStreams = 0;
  restoreNextCalls = 0;
  nextCalls = 0;
  /** Concurrently open /next requests, and the largest number seen. */
  openNext = 0;
  maxOpenNext = 0;
  #queue: QueuedInvoke[] = [];
  #waiting: ((inv: QueuedInvoke) => void)[] = [];
  #seq = 0;
  #results = new Map<string, (p: Posted) => void>();
  #sockets = new Set<Socket>();
  #listeners: ((p: Posted) => void)[] = [];

  constructor() {
    this.server = createServer((req, res) => this.route(req, res));
    this.server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.endpoint = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.endpoint;
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues an invocation and resolves with what the runtime posted for it. */
  invoke(payload: unknown, headers: Record<string, string> = {}): Promise<Posted> {
    const requestId = headers['Lambda-Runtime-Aws-Request-Id'] ?? `req-${++this.#seq}`;
    const inv: QueuedInvoke = {
      payload: Buffer.isBuffer(payload) ? payload : typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'Lambda-Runtime-Aws-Request-Id': requestId, ...headers },
    };
    const result = new Promise<Posted>((resolve) => this.#results.set(requestId, resolve));
    const waiter = this.#waiting.shift();
    if (waiter) waiter(inv);
    else this.#queue.push(inv);
    return result;
  }

  /** Resolves with the next post of a kind (init error, extension, ...). */
  waitFor(kind: Posted['kind']): Promise<Posted> {
    const seen = this.posted.find((p) => p.kind === kind);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const l = (p: Posted) => {
        if (p.kind === kind) {
          this.#listeners.splice(this.#listeners.indexOf(l), 1);
          resolve(p);
        }
      };
      this.#listeners.push(l);
    });
  }

  /** Resolves once `n` /next requests are open at the same time. */
  async waitOpenNext(n: number): Promise<void> {
    while (this.openNext < n) await new Promise((r) => setTimeout(r, 5));
  }

  private record(p: Posted): void {
    this.posted.push(p);
    if (p.requestId) this.#results.get(p.requestId)?.(p);
    for (const l of [...this.#listeners]) l(p);
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '';
    if (req.method === 'GET' && url === '/2018-06-01/runtime/invocation/next') return this.next(req, res);
    if (req.method === 'GET' && url === '/2018-06-01/runtime/restore/next') {
      this.restoreNextCalls++;
      res.end();
      return;
    }
    const m = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(url);
    let kind: Posted['kind'] | undefined;
    let requestId: string | undefined;
    if (m) {
      requestId = decodeURIComponent(m[1]!);
      kind = m[2] as 'response' | 'error';
      if (kind === 'response' && this.streamDrops > 0 && req.headers['lambda-runtime-function-response-mode'] === 'streaming') {
        this.streamDrops--;
        req.once('data', () => {
          this.droppedStreams++;
          req.socket.destroy();
        });
        return;
      }
      if (kind === 'response') {
        const fault = this.responseFaults.shift();
        if (fault === 'drop') {
          req.socket.destroy();
          return;
        }
        if (fault === 'status500') {
          req.resume();
          res.statusCode = 500;
          res.end('{"errorType":"Container error"}');
          return;
        }
        if (fault === 413) {
          req.resume();
          req.on('end', () => {
            res.statusCode = 413;
            res.end('{"errorMessage":"Exceeded maximum allowed payload size (6291556 bytes).","errorType":"RequestEntityTooLarge"}');
          });
          return;
        }
      }
    } else if (url === '/2018-06-01/runtime/init/error') kind = 'init-error';
    else if (url === '/2018-06-01/runtime/restore/error') kind = 'restore-error';
    else if (url === '/2020-01-01/extension/register') kind = 'extension';
    if (!kind) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const trailers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.trailers)) if (typeof v === 'string') trailers[k] = v;
      this.record({ kind: kind!, requestId, headers: req.headers, trailers, body: Buffer.concat(chunks), chunks });
      if (kind === 'extension') res.setHeader('Lambda-Extension-Identifier', 'ext-1');
      res.statusCode = kind === 'extension' ? 200 : 202;
      res.end('{"status":"OK"}');
    });
  }

  private next(req: IncomingMessage, res: ServerResponse): void {
    this.nextCalls++;
    this.nextHeaders.push(req.headers);
    const fault = this.nextFaults.shift();
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === 'status500') {
      res.statusCode = 500;
      res.end('{"errorType":"Internal"}');
      return;
    }
    this.openNext++;
    this.maxOpenNext = Math.max(this.maxOpenNext, this.openNext);
    let done = false;
    const send = (inv: QueuedInvoke) => {
      if (done) return this.#queue.unshift(inv);
      done = true;
      this.openNext--;
      res.setHeader('Lambda-Runtime-Deadline-Ms', String(Date.now() + 30_000));
      res.setHeader('Lambda-Runtime-Invoked-Function-Arn', 'arn:aws:lambda:us-east-1:123456789012:function:test');
      for (const [k, v] of Object.entries(inv.headers ?? {})) res.setHeader(k, v);
      res.end(inv.payload);
    };
    res.on('close', () => {
      if (!done) {
        done = true;
        this.openNext--;
        const i = this.#waiting.indexOf(send);
        if (i >= 0) this.#waiting.splice(i, 1);
      }
    });
    const queued = this.#queue.shift();
    if (queued) send(queued);
    else this.#waiting.push(send);
  }
}
