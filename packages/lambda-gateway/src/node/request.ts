import type * as Http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestParts } from '../internal/parts.js';
import { LambdaSocket } from './socket.js';

/**
 * Builds the `IncomingMessage` of an event, body already pushed. Unlike the
 * fetch `Request`, GET and HEAD keep a body the event carries.
 * `Content-Length` always matches the body, so body parsers read it.
 */
export function toIncomingMessage(http: typeof Http, parts: RequestParts, remoteAddress: string | undefined): IncomingMessage {
  const socket = new LambdaSocket(parts.origin.startsWith('https:'), remoteAddress);
  const req = new http.IncomingMessage(socket as unknown as Socket);
  req.method = parts.method;
  req.url = parts.target;
  req.httpVersion = '1.1';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  const raw = parts.headers;
  const rawHeaders: string[] = [];
  const headers: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  let hasHost = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const key = name.toLowerCase();
    if (key === 'content-length' || key === 'transfer-encoding') continue;
    if (key === 'host') hasHost = true;
    const value = raw[i + 1]!;
    rawHeaders.push(name, value);
    const prev = headers[key];
    if (prev === undefined) headers[key] = key === 'set-cookie' ? [value] : value;
    else if (Array.isArray(prev)) prev.push(value);
    else headers[key] = `${prev}${key === 'cookie' ? '; ' : ', '}${value}`;
  }
  if (!hasHost) {
    const host = parts.origin.slice(parts.origin.indexOf('//') + 2);
    rawHeaders.push('host', host);
    headers.host = host;
  }
  const length = parts.body === null ? 0 : parts.body.length;
  if (length > 0 || (parts.method !== 'GET' && parts.method !== 'HEAD')) {
    rawHeaders.push('content-length', String(length));
    headers['content-length'] = String(length);
  }
  req.rawHeaders = rawHeaders;
  req.headers = headers as IncomingMessage['headers'];
  if (parts.body !== null) req.push(parts.body);
  req.push(null);
  req.complete = true;
  return req;
}
