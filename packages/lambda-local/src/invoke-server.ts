import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { invokeComplete, payloadChunk } from './event-stream.js';
import { InvalidOptionError, InvalidPayloadError, TooManyRequestsError } from './errors.js';
import { toFunctionUrlEvent, writable, writeFunctionUrlResponse } from './function-url.js';
import { encodePayload, MAX_REQUEST_BYTES, type InvokeResult, type StreamingInvokeResult, type LocalFunction } from './local-function.js';

/** Options of {@link serve}. */
export interface ServeOptions {
  /** Port (default 9000; 0 picks a free one). */
  port?: number;
  /** Host to bind (default `127.0.0.1`). */
  host?: string;
  /** Also turn plain HTTP requests into function URL events (`curl localhost:9000/hello`). */
  http?: boolean;
  /** Called for invocations made with `InvocationType: Event` once they end. */
  onAsyncResult?: (result: InvokeResult) => void;
}

/** A running Invoke API server. */
export interface InvokeServer {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes connections (the function keeps running). */
  close(): Promise<void>;
}

const INVOKE = /^\/2015-03-31\/functions\/([^/]+)\/invocations(?:\?.*)?$/;
const INVOKE_STREAM = /^\/2021-11-15\/functions\/([^/]+)\/response-streaming-invocations(?:\?.*)?$/;
/** Last 4 KB of the log, as `X-Amz-Log-Result` carries. */
const TAIL_BYTES = 4096;

/**
 * Serves Lambda's Invoke API for one local function, so the AWS SDK and CLI
 * can call it with a custom endpoint (`aws lambda invoke --endpoint-url
 * http://127.0.0.1:9000 --function-name function out.json`):
 * `POST /2015-03-31/functions/{name}/invocations` with `X-Amz-Invocation-Type`
 * `RequestResponse`, `Event` (202) or `DryRun` (204), `X-Amz-Log-Type: Tail`
 * (`X-Amz-Log-Result`), `X-Amz-Client-Context`; function errors carry
 * `X-Amz-Function-Error: Unhandled`. With `http`, any other request becomes a
 * function URL event and the answer an HTTP response, streamed when the
 * function streams.
 *
 * @example
 * ```ts
 * const fn = new LocalFunction({ entry: 'dist/index.js', concurrency: 4 });
 * const server = await serve(fn, { port: 9000, http: true });
 * // curl http://127.0.0.1:9000/hello
 * ```
 */
export async function serve(fn: LocalFunction, options: ServeOptions = {}): Promise<InvokeServer> {
  const port = options.port ?? 9000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidOptionError(`port must be 0-65535, got ${port}`);
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    res.on('error', () => {});
    handle(fn, options, req, res).catch((err: unknown) => {
      if (!res.headersSent) awsError(res, 500, 'ServiceException', (err as Error)?.message ?? String(err));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(fn: LocalFunction, options: ServeOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const streamed = req.method === 'POST' ? INVOKE_STREAM.exec(req.url ?? '') : null;
  const m = req.method === 'POST' ? INVOKE.exec(req.url ?? '') ?? streamed : null;
  if (!m) {
    if (!options.http) {
      awsError(res, 404, 'UnknownOperationException', `${req.method} ${req.url} is not an operation of this Lambda emulator; start it with --http for function URL requests`);
      return;
    }
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (!body) {
      res.writeHead(413, { 'content-type': 'application/json' }).end('{"Message":"Request Entity Too Large"}');
      return;
    }
    const event = toFunctionUrlEvent(req, body, { region: fn.region });
    try {
      await writeFunctionUrlResponse(res, await fn.invokeStream(event));
    } catch (err) {
      if (err instanceof TooManyRequestsError) res.writeHead(429, { 'content-type': 'application/json' }).end('{"Message":"Rate Exceeded."}');
      else throw err;
    }
    return;
  }

  const name = safeDecode(m[1]!);
  if (!matchesFunction(fn, name)) {
    awsError(res, 404, 'ResourceNotFoundException', `Function not found: ${fn.arn.replace(/[^:]+$/, name)}`);
    return;
  }
  const body = await readBody(req, MAX_REQUEST_BYTES);
  if (!body) {
    awsError(res, 413, 'RequestTooLargeException', `Request must be smaller than ${MAX_REQUEST_BYTES} bytes for the InvokeFunction operation`);
    return;
  }
  const type = header(req, 'x-amz-invocation-type') ?? 'RequestResponse';
  if (type !== 'RequestResponse' && (streamed || type !== 'Event') && type !== 'DryRun') {
    awsError(res, 400, 'InvalidParameterValueException', `Invalid InvocationType "${type}": expected RequestResponse, Event or DryRun`);
    return;
  }
  let clientContext: string | undefined;
  const cc = header(req, 'x-amz-client-context');
  if (cc) {
    clientContext = Buffer.from(cc, 'base64').toString('utf8');
    try {
      JSON.parse(clientContext);
    } catch {
      awsError(res, 400, 'InvalidRequestContentException', 'Client context must be a valid Base64-encoded JSON object.');
      return;
    }
  }
  try {
    encodePayload(body);
    if (type === 'DryRun') {
      res.writeHead(204, { 'x-amzn-requestid': randomUUID() }).end();
      return;
    }
    if (type === 'Event') {
      fn.invoke(body, { clientContext }).then((r) => options.onAsyncResult?.(r), () => {});
      res.writeHead(202, { 'x-amzn-requestid': randomUUID(), 'content-length': 0 }).end();
      return;
    }
    if (streamed) {
      await writeEventStream(res, await fn.invokeStream(body, { clientContext }), header(req, 'x-amz-log-type') === 'Tail');
      return;
    }
    const result = await fn.invoke(body, { clientContext });
    const headers: Record<string, string | number> = {
      'content-type': result.streamed ? result.contentType : 'application/json',
      'content-length': result.payload.length,
      'x-amzn-requestid': result.requestId,
      'x-amz-executed-version': '$LATEST',
    };
    if (result.functionError) headers['x-amz-function-error'] = result.functionError;
    if (header(req, 'x-amz-log-type') === 'Tail') headers['x-amz-log-result'] = tail(result.logs);
    res.writeHead(200, headers).end(result.payload);
  } catch (err) {
    if (err instanceof InvalidPayloadError) awsError(res, err.awsType === 'RequestTooLargeException' ? 413 : 400, err.awsType, err.message);
    else if (err instanceof TooManyRequestsError) awsError(res, 429, 'TooManyRequestsException', err.message, { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
    else throw err;
  }
}

/** InvokeWithResponseStream's answer: `PayloadChunk` events as the function writes, then `InvokeComplete`. */
async function writeEventStream(res: ServerResponse, inv: StreamingInvokeResult, logTail: boolean): Promise<void> {
  res.writeHead(200, {
    'content-type': inv.contentType,
    'x-amzn-requestid': inv.requestId,
    'x-amz-executed-version': '$LATEST',
  });
  res.flushHeaders();
  for await (const chunk of inv.body) {
    // Failed before responding: the body is the error JSON, sent in InvokeComplete instead.
    if (!inv.started || res.destroyed) continue;
    if (!res.write(payloadChunk(chunk as Buffer))) await writable(res);
  }
  const result = await inv.result;
  const complete: { ErrorCode?: string; ErrorDetails?: string; LogResult?: string } = {};
  if (result.functionError) {
    complete.ErrorCode = result.errorType ?? 'Unhandled';
    complete.ErrorDetails = (result.errorPayload ?? result.payload).toString('utf8');
  }
  if (logTail) complete.LogResult = tail(result.logs);
  res.end(invokeComplete(complete));
}

/** The function's name, its ARN (with or without `:$LATEST`) or `function` (AWS's emulator's name) all match. */
function matchesFunction(fn: LocalFunction, name: string): boolean {
  const bare = name.replace(/:\$LATEST$/, '');
  return bare === fn.name || bare === fn.arn || bare === 'function';
}

/**
 * Base64 of the last 4 KB of the log, cut at a line start (`X-Amz-Log-Result`).
 *
 * @example
 * ```ts
 * Buffer.from(tail(result.logs), 'base64').toString(); // '…REPORT RequestId: …'
 * ```
 */
export function tail(logs: string): string {
  let bytes = Buffer.from(logs, 'utf8');
  if (bytes.length > TAIL_BYTES) {
    bytes = bytes.subarray(bytes.length - TAIL_BYTES);
    const nl = bytes.indexOf(0x0a);
    if (nl >= 0 && nl < bytes.length - 1) bytes = bytes.subarray(nl + 1);
  }
  return bytes.toString('base64');
}

function awsError(res: ServerResponse, status: number, type: string, message: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ Type: 'User', message, ...extra });
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The body, or `undefined` when it is over `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.once('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
