import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { RuntimeApiError } from '../errors.js';
import { asciiJson, formatError, headerSafe, xrayErrorCause } from '../format-error.js';
import type { CognitoIdentity, InvocationMeta } from '../types.js';
import { HttpConnection, type RequestHeaders } from './http-connection.js';
import type { HttpResponse, ParserLimits } from './http-parser.js';
import { builtin } from '../builtin.js';

const V = '/2018-06-01';
/** Largest X-Ray error-cause header sent; bigger causes lose stack frames, then the header. */
const MAX_XRAY_HEADER = 8 * 1024;
const NO_DEADLINE_MS = 15 * 60 * 1000;

/** Retry policy for transient Runtime API failures (connection errors, 5xx). */
export interface RetryOptions {
  /** Retries after the first attempt (default 5). */
  retries: number;
  /** First backoff in ms, doubled each retry (default 10). */
  baseDelayMs: number;
  /** Largest backoff in ms (default 1000). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 5, baseDelayMs: 10, maxDelayMs: 1000 };

type Reply = HttpResponse;

/** One invocation as `/next` returns it. */
export interface NextInvocation {
  meta: InvocationMeta;
  payload: Buffer;
}

type HttpModule = typeof import('node:http');
let httpModule: Promise<HttpModule> | undefined;
/** `node:http`, loaded once, on first need (streamed responses only); see `builtin` for why not `import()` first. */
const loadHttp = (): Promise<HttpModule> => (httpModule ??= Promise.resolve(builtin<HttpModule>('node:http') ?? import('node:http')));

/**
 * HTTP client of the Lambda Runtime API (`2018-06-01`): `/next`,
 * `/response`, `/error`, `/init/error`, the SnapStart restore endpoints and
 * the extension registration used for SIGTERM go over keep-alive HTTP/1.1
 * connections of its own (one per request in flight, reused); streamed
 * responses use `node:http`, loaded on first use.
 */
export class RuntimeApiClient {
  readonly host: string;
  readonly port: number;
  readonly retry: RetryOptions;
  readonly limits: Partial<ParserLimits>;
  #idle: HttpConnection[] = [];
  #busy = new Set<HttpConnection>();
  #agent: import('node:http').Agent | undefined;
  #streams = new Set<ClientRequest>();
  #closed = false;

  constructor(endpoint: string, retry: Partial<RetryOptions> = {}, limits: Partial<ParserLimits> = {}) {
    const { host, port } = parseEndpoint(endpoint);
    this.host = host;
    this.port = port;
    this.retry = { ...DEFAULT_RETRY, ...retry };
    this.limits = limits;
  }

  /** Aborts outstanding requests (a pending `/next`) and closes the sockets. */
  close(): void {
    this.#closed = true;
    const error = new RuntimeApiError('the Runtime API client is closed');
    for (const c of [...this.#busy, ...this.#idle.splice(0)]) c.destroy(error);
    for (const req of this.#streams) req.destroy();
    this.#agent?.destroy();
  }

  /** `GET /runtime/invocation/next`, retried on transient failures. */
  async next(): Promise<NextInvocation> {
    for (;;) {
      const reply = await this.send('GET', `${V}/runtime/invocation/next`, undefined, undefined, true);
      if (reply.status !== 200) throw new RuntimeApiError(`GET /runtime/invocation/next answered ${reply.status}: ${reply.body.toString('utf8', 0, 512)}`, reply.status);
      const meta = metaFromHeaders(reply.headers);
      if (meta) return { meta, payload: reply.body };
      // Without a request id there is nothing to answer; ask again.
      process.emitWarning('Runtime API /next response without Lambda-Runtime-Aws-Request-Id; skipped');
    }
  }

  /** `POST /runtime/invocation/{id}/response` with a JSON body. Returns the status and the answer's text. */
  async respond(meta: InvocationMeta, body: string | Buffer): Promise<{ status: number; body: string }> {
    const headers: RequestHeaders = meta.invocationId
      ? { 'Content-Type': 'application/json', 'Lambda-Runtime-Invocation-Id': meta.invocationId }
      : JSON_HEADERS;
    const reply = await this.send('POST', `${V}/runtime/invocation/${encodeURIComponent(meta.requestId)}/response`, headers, body, true);
    return { status: reply.status, body: reply.status >= 400 ? reply.body.toString('utf8', 0, 1024) : '' };
  }

  /** `POST /runtime/invocation/{id}/error` with the error JSON, type header and X-Ray cause. */
  async error(meta: InvocationMeta, error: unknown): Promise<number> {
    const headers = errorHeaders(error) as RequestHeaders;
    if (meta.invocationId) headers['Lambda-Runtime-Invocation-Id'] = meta.invocationId;
    const reply = await this.send('POST', `${V}/runtime/invocation/${encodeURIComponent(meta.requestId)}/error`, headers, errorBody(error), true);
    return reply.status;
  }

  /** `POST /runtime/init/error`. */
  async initError(error: unknown): Promise<number> {
    return this.postError(`${V}/runtime/init/error`, error);
  }

  /** `GET /runtime/restore/next`: returns once the SnapStart snapshot is restored. */
  async restoreNext(): Promise<void> {
    const reply = await this.send('GET', `${V}/runtime/restore/next`, undefined, undefined, true);
    if (reply.status >= 300) throw new RuntimeApiError(`GET /runtime/restore/next answered ${reply.status}`, reply.status);
  }

  /** `POST /runtime/restore/error`. */
  async restoreError(error: unknown): Promise<number> {
    return this.postError(`${V}/runtime/restore/error`, error);
  }

  /**
   * Registers an internal extension with no events (`POST /2020-01-01/extension/register`),
   * which makes Lambda send SIGTERM to the runtime before shutdown. Returns the extension id.
   */
  async registerExtension(name: string): Promise<string> {
    const reply = await this.send('POST', '/2020-01-01/extension/register', {
      'Lambda-Extension-Name': name,
      'Content-Type': 'application/json',
    }, '{"events":[]}', true);
    if (reply.status !== 200) throw new RuntimeApiError(`extension registration answered ${reply.status}: ${reply.body.toString('utf8', 0, 512)}`, reply.status);
    return reply.headers['lambda-extension-identifier'] ?? '';
  }

  /**
   * Opens a streamed `/response` (`Lambda-Runtime-Function-Response-Mode: streaming`,
   * chunked, error trailers declared) with `node:http`, loaded on first use.
   * `done` settles with the status when the Runtime API has answered; it
   * rejects when the connection fails.
   */
  async openStream(meta: InvocationMeta, contentType: string): Promise<{ req: ClientRequest; done: Promise<number> }> {
    const http = await loadHttp();
    if (this.#closed) throw new RuntimeApiError('the Runtime API client is closed');
    this.#agent ??= new http.Agent({ keepAlive: true });
    const headers: OutgoingHttpHeaders = {
      'Lambda-Runtime-Function-Response-Mode': 'streaming',
      'Transfer-Encoding': 'chunked',
      'Content-Type': contentType,
      Trailer: 'Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body',
    };
    if (meta.invocationId) headers['Lambda-Runtime-Invocation-Id'] = meta.invocationId;
    const req = http.request({
      host: this.host,
      port: this.port,
      method: 'POST',
      path: `${V}/runtime/invocation/${encodeURIComponent(meta.requestId)}/response`,
      headers,
      agent: this.#agent,
    });
    this.#streams.add(req);
    const done = new Promise<number>((resolve, reject) => {
      req.once('error', reject);
      req.once('response', (res: IncomingMessage) => {
        res.on('data', () => {});
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      });
    }).finally(() => this.#streams.delete(req));
    return { req, done };
  }

  /** Loads `node:http` ahead of the first streamed response. */
  static preloadStreaming(): Promise<unknown> {
    return loadHttp();
  }

  private async postError(path: string, error: unknown): Promise<number> {
    const reply = await this.send('POST', path, errorHeaders(error) as RequestHeaders, errorBody(error), true);
    return reply.status;
  }

  /** One request with retries on connection errors and 5xx answers. */
  async send(method: string, path: string, headers: RequestHeaders | undefined, body: string | Buffer | undefined, retry: boolean): Promise<Reply> {
    let attempt = 0;
    for (;;) {
      let failure: unknown;
      try {
        const reply = await this.once(method, path, headers, body);
        if (reply.status < 500) return reply;
        failure = new RuntimeApiError(`${method} ${path} answered ${reply.status}: ${reply.body.toString('utf8', 0, 512)}`, reply.status);
      } catch (err) {
        failure = err instanceof RuntimeApiError ? err : new RuntimeApiError(`${method} ${path} failed: ${(err as Error)?.message ?? err}`, undefined, err);
      }
      if (this.#closed || !retry || attempt >= this.retry.retries) throw failure;
      const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private async once(method: string, path: string, headers: RequestHeaders | undefined, body: string | Buffer | undefined): Promise<Reply> {
    if (this.#closed) throw new RuntimeApiError('the Runtime API client is closed');
    const conn = this.#idle.pop() ?? new HttpConnection(this.host, this.port, this.limits);
    this.#busy.add(conn);
    try {
      return await conn.request(method, path, headers, body);
    } finally {
      this.#busy.delete(conn);
      if (!this.#closed) this.#idle.push(conn);
    }
  }
}

const JSON_HEADERS: RequestHeaders = { 'Content-Type': 'application/json' };

/** Splits `AWS_LAMBDA_RUNTIME_API` (`host:port`, `[v6]:port`). */
export function parseEndpoint(endpoint: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:/\s]+))(?::(\d{1,5}))?$/.exec(endpoint.trim());
  const port = m?.[3] === undefined ? 80 : Number(m[3]);
  if (!m || port < 1 || port > 65535) throw new RuntimeApiError(`invalid Runtime API endpoint "${endpoint}" (expected host:port)`);
  return { host: (m[1] ?? m[2])!, port };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads the invocation headers of a `/next` response. */
export function metaFromHeaders(headers: Record<string, string | string[] | undefined>): InvocationMeta | undefined {
  const requestId = header(headers, 'lambda-runtime-aws-request-id');
  if (!requestId) return undefined;
  const deadline = Number(header(headers, 'lambda-runtime-deadline-ms'));
  return {
    requestId,
    deadlineMs: Number.isFinite(deadline) && deadline > 0 ? deadline : Date.now() + NO_DEADLINE_MS,
    invokedFunctionArn: header(headers, 'lambda-runtime-invoked-function-arn') ?? '',
    traceId: header(headers, 'lambda-runtime-trace-id'),
    clientContext: header(headers, 'lambda-runtime-client-context'),
    identity: parseIdentity(header(headers, 'lambda-runtime-cognito-identity')),
    tenantId: header(headers, 'lambda-runtime-aws-tenant-id'),
    invocationId: header(headers, 'lambda-runtime-invocation-id'),
  };
}

function parseIdentity(text: string | undefined): CognitoIdentity | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (typeof v !== 'object' || v === null) return undefined;
    return { cognitoIdentityId: String(v.cognitoIdentityId ?? ''), cognitoIdentityPoolId: String(v.cognitoIdentityPoolId ?? '') };
  } catch {
    return undefined;
  }
}

/** The error JSON body posted to `/error`, `/init/error`, `/restore/error`. */
export function errorBody(error: unknown): string {
  return JSON.stringify(formatError(error));
}

/** `Lambda-Runtime-Function-Error-Type` and, for `Error`s, `Lambda-Runtime-Function-XRay-Error-Cause`. */
export function errorHeaders(error: unknown): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Lambda-Runtime-Function-Error-Type': headerSafe(formatError(error).errorType),
  };
  const cause = xrayErrorCause(error);
  if (cause) {
    let json = asciiJson(cause);
    while (json.length > MAX_XRAY_HEADER && cause.exceptions[0]!.stack.length > 0) {
      cause.exceptions[0]!.stack.pop();
      cause.paths = [...new Set(cause.exceptions[0]!.stack.map((f) => f.path))];
      json = asciiJson(cause);
    }
    if (json.length <= MAX_XRAY_HEADER) headers['Lambda-Runtime-Function-XRay-Error-Cause'] = json;
  }
  return headers;
}
