import type * as Http from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ResponseHead } from '../internal/parts.js';

/** Where an in-memory `ServerResponse` sends its head and body. */
export interface ResponseSink {
  /** Called once, when the app's headers are final (first write, or `end()`). */
  head(head: ResponseHead): void;
  /** A body chunk; returns false when the app should wait for `'drain'` on the response. */
  write(chunk: Buffer, done: (error?: Error | null) => void): boolean;
  /** `end()` was called and every chunk was handed over. */
  end(): void;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

type Internals = {
  useChunkedEncodingByDefault: boolean;
  chunkedEncoding: boolean;
  _send(data: string | Uint8Array, encoding: BufferEncoding | null | undefined, callback?: (error?: Error | null) => void): boolean;
};

type WriteHead = (statusCode: number, reason?: string | OutgoingHttpHeaders | unknown[], headers?: OutgoingHttpHeaders | unknown[]) => ServerResponse;

function flatHead(res: ServerResponse): ResponseHead {
  const headers: string[] = [];
  const all = res.getHeaders();
  for (const name in all) {
    if (HOP_BY_HOP.has(name)) continue;
    const value = all[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.push(name, String(v));
    else headers.push(name, String(value));
  }
  return { status: res.statusCode, statusText: res.statusMessage ?? '', headers };
}

function applyHeaders(res: ServerResponse, obj: OutgoingHttpHeaders | unknown[]): void {
  if (Array.isArray(obj)) {
    // Either [[name, value], ...] or [name, value, name, value, ...].
    const pairs: [string, string][] = [];
    if (obj.length > 0 && Array.isArray(obj[0])) for (const p of obj as [string, unknown][]) pairs.push([String(p[0]), String(p[1])]);
    else for (let i = 0; i + 1 < obj.length; i += 2) pairs.push([String(obj[i]), String(obj[i + 1])]);
    const grouped = new Map<string, { name: string; values: string[] }>();
    for (const [name, value] of pairs) {
      const key = name.toLowerCase();
      const g = grouped.get(key);
      if (g) g.values.push(value);
      else grouped.set(key, { name, values: [value] });
    }
    for (const { name, values } of grouped.values()) res.setHeader(name, values.length === 1 ? values[0]! : values);
  } else {
    for (const name in obj) {
      const value = obj[name];
      if (value !== undefined) res.setHeader(name, value);
    }
  }
}

/** `ServerResponse.prototype.writeHead`, taken when the first response is made (node:http is loaded lazily). */
let nodeWriteHead: WriteHead;
const SINK = Symbol('sink');
const HEAD_SENT = Symbol('headSent');

type LambdaResponse = ServerResponse & Internals & { [SINK]: ResponseSink; [HEAD_SENT]: boolean };

// Shared functions set as own properties of each response: frameworks such as Express swap the
// response's prototype (for their own), so prototype overrides would be lost.
function writeHead(this: LambdaResponse, statusCode: number, reason?: string | OutgoingHttpHeaders | unknown[], obj?: OutgoingHttpHeaders | unknown[]): ServerResponse {
  let headers = obj;
  let message: string | undefined;
  if (typeof reason === 'string') message = reason;
  else headers = reason;
  if (headers) applyHeaders(this, headers);
  const result = message === undefined ? nodeWriteHead.call(this, statusCode) : nodeWriteHead.call(this, statusCode, message);
  this.chunkedEncoding = false;
  if (!this[HEAD_SENT]) {
    this[HEAD_SENT] = true;
    this[SINK].head(flatHead(this));
  }
  return result;
}

function send(this: LambdaResponse, data: string | Uint8Array, encoding: BufferEncoding | null | undefined, callback?: (error?: Error | null) => void): boolean {
  const chunk = typeof data === 'string' ? Buffer.from(data, encoding ?? 'utf8') : Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (chunk.length === 0) {
    if (callback) process.nextTick(callback);
    return true;
  }
  return this[SINK].write(chunk, callback ?? noop);
}

function noop(): void {}

function onFinish(this: LambdaResponse): void {
  this[SINK].end();
}

/**
 * A `ServerResponse` with no socket: the head (status, headers) and body
 * chunks go to `sink` as they are written; bodiless responses (HEAD, 204,
 * 304) drop body writes, as Node does. No chunked framing, no header text.
 */
export function createServerResponse(http: typeof Http, req: IncomingMessage, sink: ResponseSink): ServerResponse {
  nodeWriteHead ??= http.ServerResponse.prototype.writeHead as WriteHead;
  const res = new http.ServerResponse(req) as LambdaResponse;
  res[SINK] = sink;
  res[HEAD_SENT] = false;
  res.useChunkedEncodingByDefault = false;
  (res as ServerResponse).writeHead = writeHead as ServerResponse['writeHead'];
  res._send = send;
  res.once('finish', onFinish);
  return res;
}
