import type { Duplex } from 'node:stream';
import { HttpConnectError } from './errors.js';

/** The path Go's `rpc.HandleHTTP` serves and `rpc.DialHTTP` asks for. */
export const DEFAULT_RPC_PATH = '/_goRPC_';
/** The status line Go's server sends after a CONNECT (`HTTP/1.0 ` + this). */
export const CONNECTED = '200 Connected to Go RPC';
const MAX_HEAD = 16 * 1024;

/** Where the head of an HTTP message ends (after the first empty line), or -1. */
function headEnd(buf: Buffer): number {
  for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) {
    if (buf[i + 1] === 0x0a) return i + 2;
    if (buf[i + 1] === 0x0d && buf[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}

/**
 * Reads an HTTP message head from `stream` (lines may end in LF, as Go's `DialHTTP` writes them,
 * or CRLF). Resolves to the head's text and the bytes after it; the stream is left paused.
 */
export function readHead(stream: Duplex, timeoutMs: number): Promise<{ head: string; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let buf: Buffer = Buffer.alloc(0);
    const done = (err: Error | undefined, value?: { head: string; rest: Buffer }) => {
      clearTimeout(timer);
      stream.pause();
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onEnd);
      if (err) reject(err);
      else resolve(value!);
    };
    const onData = (chunk: Buffer) => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      const end = headEnd(buf);
      if (end >= 0) done(undefined, { head: buf.subarray(0, end).toString('latin1'), rest: buf.subarray(end) });
      else if (buf.length > MAX_HEAD) done(new HttpConnectError('rpc: HTTP head too large'));
    };
    const onEnd = () => done(new HttpConnectError('rpc: connection closed during the HTTP CONNECT handshake'));
    const onError = (err: Error) => done(new HttpConnectError(`rpc: HTTP CONNECT handshake: ${err.message}`));
    const timer = setTimeout(() => done(new HttpConnectError('rpc: HTTP CONNECT handshake timed out')), timeoutMs);
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('close', onEnd);
    stream.on('error', onError);
    stream.resume();
  });
}

function plain(status: string, body: string): string {
  return (
    `HTTP/1.0 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * The server side of `rpc.HandleHTTP`: accepts `CONNECT <path>` and answers
 * `HTTP/1.0 200 Connected to Go RPC`, then the stream carries RPC. Other methods get
 * `405 must CONNECT`, other paths 404, as from Go. Resolves to the bytes already read past the
 * head, or `undefined` when the request was refused (the stream is then ended).
 */
export async function acceptConnect(stream: Duplex, path: string, timeoutMs: number): Promise<Buffer | undefined> {
  const { head, rest } = await readHead(stream, timeoutMs);
  const [method = '', target = ''] = (head.split('\n', 1)[0] ?? '').trim().split(' ');
  if (method !== 'CONNECT') {
    stream.end(plain('405 Method Not Allowed', '405 must CONNECT\n'));
    return undefined;
  }
  if (target !== path) {
    stream.end(plain('404 Not Found', '404 page not found\n'));
    return undefined;
  }
  stream.write(`HTTP/1.0 ${CONNECTED}\n\n`);
  return rest;
}

/**
 * The client side of `rpc.DialHTTPPath`: sends `CONNECT <path> HTTP/1.0` and expects
 * `200 Connected to Go RPC`. Resolves to the bytes already read past the response head.
 */
export async function requestConnect(stream: Duplex, path: string, timeoutMs: number): Promise<Buffer> {
  stream.write(`CONNECT ${path} HTTP/1.0\n\n`);
  const { head, rest } = await readHead(stream, timeoutMs);
  const statusLine = (head.split('\n', 1)[0] ?? '').replace(/\r$/, '');
  const m = /^HTTP\/\d\.\d (.*)$/.exec(statusLine);
  const status = m?.[1] ?? statusLine;
  if (status !== CONNECTED) throw new HttpConnectError(`unexpected HTTP response: ${status}`);
  return rest;
}
