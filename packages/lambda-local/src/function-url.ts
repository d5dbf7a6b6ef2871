import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { LambdaFunctionURLEvent } from '@tslambda/lambda-events';
import type { StreamingInvokeResult } from './local-function.js';

/** The content type of a streamed response with an HTTP prelude (status, headers, cookies). */
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';

const PRELUDE_END = Buffer.alloc(8);
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|graphql)|[^;]*\+(json|xml))/i;

/** What a function URL event says about the URL. */
export interface FunctionUrlSettings {
  /** The URL id (the host's first label), default a fixed 32-char id. */
  urlId?: string;
  region?: string;
}

/**
 * Turns a plain HTTP request into the event a Lambda function URL sends
 * (payload format 2.0, auth type `NONE`): headers lower-cased and joined
 * with commas, cookies apart, the body base64-encoded unless it is text.
 *
 * @example
 * ```ts
 * createServer(async (req, res) => {
 *   const body = Buffer.concat(await req.toArray());
 *   await writeFunctionUrlResponse(res, await fn.invokeStream(toFunctionUrlEvent(req, body)));
 * });
 * ```
 */
export function toFunctionUrlEvent(req: IncomingMessage, body: Buffer, settings: FunctionUrlSettings = {}, now = new Date()): LambdaFunctionURLEvent {
  const urlId = settings.urlId ?? 'abcdefghijklmnopqrstuvwxyz012345';
  const region = settings.region ?? 'us-east-1';
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQueryString = q < 0 ? '' : url.slice(q + 1);
  // Maps, then Object.fromEntries: a header or parameter named `__proto__` stays a plain property.
  const headerMap = new Map<string, string>();
  let cookies: string[] | undefined;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    if (name === 'cookie') {
      cookies = [...(cookies ?? []), ...value.split(/;\s*/).filter(Boolean)];
      continue;
    }
    const seen = headerMap.get(name);
    headerMap.set(name, seen === undefined ? value : `${seen},${value}`);
  }
  if (!headerMap.has('x-forwarded-proto')) headerMap.set('x-forwarded-proto', 'http');
  if (!headerMap.has('x-forwarded-for')) headerMap.set('x-forwarded-for', req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1');
  const headers = Object.fromEntries(headerMap) as Record<string, string>;
  const queryMap = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(rawQueryString)) {
    const seen = queryMap.get(k);
    queryMap.set(k, seen === undefined ? v : `${seen},${v}`);
  }
  const query = Object.fromEntries(queryMap) as Record<string, string>;
  const contentType = headerMap.get('content-type') ?? '';
  const text = body.length === 0 || TEXT_TYPES.test(contentType);
  const event: LambdaFunctionURLEvent = {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: 'anonymous',
      apiId: urlId,
      domainName: `${urlId}.lambda-url.${region}.on.aws`,
      domainPrefix: urlId,
      http: {
        method: req.method ?? 'GET',
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        userAgent: headerMap.get('user-agent') ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: !text,
  };
  if (cookies) event.cookies = cookies;
  if (rawQueryString) event.queryStringParameters = query;
  if (body.length > 0) event.body = text ? body.toString('utf8') : body.toString('base64');
  return event;
}

/** `12/Mar/2020:19:03:58 +0000`, the `time` format of API Gateway and function URLs. */
function clfTime(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

interface Prelude {
  statusCode?: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  cookies?: string[];
}

/**
 * Writes a function's answer as a function URL would: a buffered result in
 * the payload 2.0 response format (or any other JSON as a 200
 * `application/json` body), a streamed result as it arrives (its HTTP
 * prelude gives status, headers and cookies), a function error as `502`.
 *
 * @example
 * ```ts
 * await writeFunctionUrlResponse(res, await fn.invokeStream(event));
 * ```
 */
export async function writeFunctionUrlResponse(res: ServerResponse, inv: StreamingInvokeResult): Promise<void> {
  // A client that goes away must not leave the function blocked on backpressure.
  res.once('close', () => {
    if (!res.writableFinished) inv.body.resume();
  });
  if (inv.streamed) {
    if (inv.contentType === HTTP_INTEGRATION_CONTENT_TYPE) await writeStreamedHttp(res, inv.body);
    else {
      res.writeHead(200, { 'content-type': inv.contentType });
      res.flushHeaders();
      await pipeBody(inv.body, res);
    }
    const result = await inv.result;
    // An error after the first byte: the only signal left is a broken connection.
    if (result.functionError) res.destroy();
    else res.end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of inv.body) chunks.push(c as Buffer);
  const result = await inv.result;
  if (result.functionError) {
    send(res, 502, { 'content-type': 'application/json' }, Buffer.from('{"Message":"Internal Server Error"}'));
    return;
  }
  const payload = Buffer.concat(chunks);
  // A streaming function run without streaming (go1.x has none) answers prelude + 8 NULs + body;
  // JSON never contains a raw NUL, so this cannot be mistaken for a JSON result.
  const sep = payload.indexOf(PRELUDE_END);
  if (sep > 0 && payload[0] === 0x7b) {
    try {
      const prelude = JSON.parse(payload.subarray(0, sep).toString('utf8')) as Prelude;
      send(res, prelude.statusCode ?? 200, headersOf(prelude), payload.subarray(sep + 8));
      return;
    } catch {
      // not a prelude: fall through
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    value = undefined;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'statusCode' in value) {
    const r = value as Prelude & { body?: unknown; isBase64Encoded?: boolean };
    const headers = headersOf(r);
    const body = typeof r.body === 'string' ? Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
    send(res, Number(r.statusCode) || 200, headers, body);
    return;
  }
  send(res, 200, { 'content-type': 'application/json' }, payload);
}

function headersOf(p: Prelude): Record<string, string | string[]> {
  const headers = new Map<string, string | string[]>();
  const valid = (name: string) => /^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name);
  if (p.multiValueHeaders && typeof p.multiValueHeaders === 'object') {
    for (const [k, v] of Object.entries(p.multiValueHeaders)) if (valid(k.toLowerCase()) && Array.isArray(v)) headers.set(k.toLowerCase(), v.map(String));
  }
  if (p.headers && typeof p.headers === 'object') {
    for (const [k, v] of Object.entries(p.headers)) if (valid(k.toLowerCase())) headers.set(k.toLowerCase(), String(v));
  }
  if (Array.isArray(p.cookies) && p.cookies.length) headers.set('set-cookie', p.cookies.map(String));
  return Object.fromEntries(headers);
}

function send(res: ServerResponse, status: number, headers: Record<string, string | string[]>, body: Buffer): void {
  res.writeHead(status, { ...headers, 'content-length': body.length });
  res.end(body);
}

async function writeStreamedHttp(res: ServerResponse, body: Readable): Promise<void> {
  let head = Buffer.alloc(0);
  const iterator = body[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      // No prelude separator: the function never wrote a body.
      res.writeHead(502, { 'content-type': 'application/json' });
      return;
    }
    head = Buffer.concat([head, next.value as Buffer]);
    const sep = head.indexOf(Buffer.alloc(8));
    if (sep < 0) {
      if (head.length > 64 * 1024) {
        res.writeHead(502, { 'content-type': 'application/json' });
        return;
      }
      continue;
    }
    let prelude: Prelude = {};
    try {
      prelude = JSON.parse(head.subarray(0, sep).toString('utf8')) as Prelude;
    } catch {
      prelude = { statusCode: 502 };
    }
    res.writeHead(prelude.statusCode ?? 200, headersOf(prelude));
    res.flushHeaders();
    const rest = head.subarray(sep + 8);
    if (rest.length > 0) res.write(rest);
    break;
  }
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    if (res.destroyed) continue;
    if (!res.write(next.value as Buffer)) await writable(res);
  }
}

async function pipeBody(body: Readable, res: ServerResponse): Promise<void> {
  for await (const chunk of body) {
    if (res.destroyed) continue;
    if (!res.write(chunk as Buffer)) await writable(res);
  }
}

/** Resolves on `drain`, or at once when the response is closed. */
export function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    if (res.destroyed) resolve();
    else {
      res.once('drain', done);
      res.once('close', done);
    }
  });
}
