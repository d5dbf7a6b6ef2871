import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Invocation, type FunctionError } from './invocation.js';

/** Lambda's buffered response limit (6 MB), in bytes. */
export const MAX_BUFFERED_RESPONSE = 6_291_556;
/** Lambda's streamed response limit (200 MB), in bytes. */
export const MAX_STREAMED_RESPONSE = 200 * 1024 * 1024;
/** Largest error body accepted from a function. */
const MAX_ERROR_BODY = 1024 * 1024;

const PREFIX = '/2018-06-01/runtime';
const INVOCATION = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;

/** What the Runtime API server tells its instance. */
export interface RuntimeApiEvents {
  /** The runtime asked for an invocation (the first time: init is done). */
  onNext(): void;
  /** The runtime posted to `/runtime/init/error`. */
  onInitError(error: FunctionError): void;
}

/**
 * The Lambda Runtime API (`2018-06-01`) for one function instance, on
 * 127.0.0.1: `/runtime/invocation/next` (held until an invocation comes),
 * `/response` (buffered up to 6 MB, or streamed with
 * `Lambda-Runtime-Function-Response-Mode: streaming` and error trailers),
 * `/error`, `/init/error`, and extension registration (accepted, so
 * runtimes with SIGTERM hooks start).
 */
export class RuntimeApiServer {
  private readonly server: Server;
  private waiting: ServerResponse | undefined;
  private queued: Invocation | undefined;
  private readonly active = new Map<string, Invocation>();
  /** Ids answered lately: a late second answer is a state error, not an unknown id. */
  private readonly finished: string[] = [];

  constructor(private readonly events: RuntimeApiEvents, private readonly functionName: string) {
    this.server = createServer({ requestTimeout: 0, keepAliveTimeout: 60_000 }, (req, res) => this.route(req, res));
    this.server.headersTimeout = 60_000;
  }

  /** Listens on 127.0.0.1 and returns `host:port` for `AWS_LAMBDA_RUNTIME_API`. */
  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const { port } = this.server.address() as AddressInfo;
        resolve(`127.0.0.1:${port}`);
      });
    });
  }

  /** Hands an invocation to the runtime (now if it waits on `/next`, else at its next `/next`). */
  dispatch(inv: Invocation): void {
    this.active.set(inv.request.requestId, inv);
    void inv.done.then(() => {
      this.active.delete(inv.request.requestId);
      this.finished.push(inv.request.requestId);
      if (this.finished.length > 32) this.finished.shift();
    });
    const res = this.waiting;
    if (res) {
      this.waiting = undefined;
      this.sendNext(res, inv);
    } else {
      this.queued = inv;
    }
  }

  /** True while `inv` waits for the runtime's next `/next` (it has not started). */
  isQueued(inv: Invocation): boolean {
    return this.queued === inv;
  }

  /** Closes the server and every connection. */
  close(): void {
    this.waiting = undefined;
    this.server.close();
    this.server.closeAllConnections();
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '';
    const m = INVOCATION.exec(url);
    if (req.method === 'POST' && m) {
      let id: string;
      try {
        id = decodeURIComponent(m[1]!);
      } catch {
        id = m[1]!;
      }
      const inv = this.active.get(id);
      if (!inv || inv.isFinished || (m[2] === 'response' && inv.isStarted)) {
        const known = inv !== undefined || this.finished.includes(id);
        drain(req, () =>
          reply(res, known ? 403 : 400, known
            ? { errorMessage: `Invalid state transition for request ${id}`, errorType: 'InvalidStateTransition' }
            : { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' }),
        );
        return;
      }
      if (m[2] === 'error') this.onError(req, res, inv);
      else if (String(req.headers['lambda-runtime-function-response-mode'] ?? '').toLowerCase() === 'streaming') this.onStream(req, res, inv);
      else this.onResponse(req, res, inv);
      return;
    }
    if (req.method === 'GET' && url === `${PREFIX}/invocation/next`) {
      this.onNextRequest(res);
      return;
    }
    if (req.method === 'POST' && url === `${PREFIX}/init/error`) {
      readLimited(req, MAX_ERROR_BODY, (body) => {
        this.events.onInitError(errorFrom(req, body ?? Buffer.from('{}')));
        reply(res, 202, { status: 'OK' });
      });
      return;
    }
    if (req.method === 'POST' && url === '/2020-01-01/extension/register') {
      drain(req, () => {
        res.setHeader('Lambda-Extension-Identifier', randomUUID());
        reply(res, 200, { functionName: this.functionName, functionVersion: '$LATEST', handler: '' });
      });
      return;
    }
    drain(req, () => reply(res, 404, { errorMessage: `${req.method} ${url} is not part of the Runtime API`, errorType: 'NotFound' }));
  }

  private onNextRequest(res: ServerResponse): void {
    this.events.onNext();
    const inv = this.queued;
    if (inv) {
      this.queued = undefined;
      this.sendNext(res, inv);
      return;
    }
    // A second concurrent /next replaces the first (Lambda allows one at a time here).
    this.waiting?.destroy();
    this.waiting = res;
    res.once('close', () => {
      if (this.waiting === res) this.waiting = undefined;
    });
  }

  private sendNext(res: ServerResponse, inv: Invocation): void {
    const r = inv.request;
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/json',
      'Content-Length': r.payload.length,
      'Lambda-Runtime-Aws-Request-Id': r.requestId,
      'Lambda-Runtime-Deadline-Ms': r.deadlineMs,
      'Lambda-Runtime-Invoked-Function-Arn': r.invokedFunctionArn,
      'Lambda-Runtime-Trace-Id': r.traceId,
    };
    if (r.clientContext) headers['Lambda-Runtime-Client-Context'] = r.clientContext;
    if (r.identity) headers['Lambda-Runtime-Cognito-Identity'] = JSON.stringify(r.identity);
    if (r.tenantId) headers['Lambda-Runtime-Aws-Tenant-Id'] = r.tenantId;
    res.writeHead(200, headers);
    res.end(r.payload);
  }

  private onResponse(req: IncomingMessage, res: ServerResponse, inv: Invocation): void {
    readLimited(req, MAX_BUFFERED_RESPONSE, (body) => {
      if (body === undefined) {
        // The runtime reports this to /error as Function.ResponseSizeTooLarge.
        reply(res, 413, {
          errorMessage: `Exceeded maximum allowed payload size (${MAX_BUFFERED_RESPONSE} bytes).`,
          errorType: 'RequestEntityTooLarge',
        });
        return;
      }
      inv.respond(body, String(req.headers['content-type'] ?? 'application/json'));
      reply(res, 202, { status: 'OK' });
    });
  }

  private onStream(req: IncomingMessage, res: ServerResponse, inv: Invocation): void {
    inv.begin({ contentType: String(req.headers['content-type'] ?? 'application/octet-stream'), streamed: true });
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge || inv.isFinished) return;
      size += chunk.length;
      if (size > MAX_STREAMED_RESPONSE) {
        tooLarge = true;
        inv.endStream({
          type: 'Function.ResponseSizeTooLarge',
          payload: Buffer.from(JSON.stringify({ errorType: 'Function.ResponseSizeTooLarge', errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_STREAMED_RESPONSE} bytes).` })),
        });
        req.destroy();
        return;
      }
      if (!inv.body.write(chunk)) {
        req.pause();
        inv.body.once('drain', () => req.resume());
      }
    });
    req.once('end', () => {
      const type = req.trailers['lambda-runtime-function-error-type'];
      const encoded = req.trailers['lambda-runtime-function-error-body'];
      if (type || encoded) {
        let payload = encoded ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
        if (payload.length === 0) payload = Buffer.from(JSON.stringify({ errorType: type, errorMessage: '' }));
        inv.endStream({ type: type ?? 'Unhandled', payload });
      } else {
        inv.endStream();
      }
      reply(res, 202, { status: 'OK' });
    });
    req.once('aborted', () => {
      inv.endStream({ type: 'Runtime.TruncatedResponse', payload: Buffer.from(JSON.stringify({ errorType: 'Runtime.TruncatedResponse', errorMessage: 'the function closed the streamed response before it ended' })) });
    });
  }

  private onError(req: IncomingMessage, res: ServerResponse, inv: Invocation): void {
    readLimited(req, MAX_ERROR_BODY, (body) => {
      inv.fail(errorFrom(req, body ?? Buffer.from('{"errorMessage":"error body too large"}')));
      reply(res, 202, { status: 'OK' });
    });
  }
}

function errorFrom(req: IncomingMessage, body: Buffer): FunctionError {
  let type = String(req.headers['lambda-runtime-function-error-type'] ?? '');
  if (!type) {
    try {
      type = String((JSON.parse(body.toString('utf8')) as { errorType?: unknown }).errorType ?? '');
    } catch {
      // not JSON: keep the body as is
    }
  }
  return { type: type || 'Unhandled', payload: body };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function drain(req: IncomingMessage, then: () => void): void {
  req.resume();
  req.once('end', then);
}

/** Reads a body up to `limit` bytes; `undefined` when it is larger (the rest is drained). */
function readLimited(req: IncomingMessage, limit: number, then: (body: Buffer | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  });
  req.once('end', () => then(size > limit ? undefined : Buffer.concat(chunks)));
}
