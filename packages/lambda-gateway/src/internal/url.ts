import { findHeader } from './headers.js';

// A host the WHATWG URL parser accepts: no forbidden host code points; IPv6 in brackets; optional port.
const HOST = /^(?:[^\x00-\x20#%/:<>?@[\\\]^|\x7f]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

// The last valid Host header seen: a function mostly serves one or a few hosts.
let lastHost: string | undefined;

/** `scheme://host` from `X-Forwarded-Proto` and the first valid of the Host header and `fallbacks`. */
export function originOf(headers: string[], fallbacks: (string | null | undefined)[], defaultScheme = 'https'): string {
  let scheme = defaultScheme;
  const proto = findHeader(headers, 'x-forwarded-proto');
  if (proto === 'https' || proto === 'http') scheme = proto;
  else if (proto) {
    const first = proto.split(',', 1)[0]!.trim().toLowerCase();
    if (first === 'http' || first === 'https') scheme = first;
  }
  let host = findHeader(headers, 'host');
  if (host !== undefined && host === lastHost) return `${scheme}://${host}`;
  if (host && HOST.test(host)) lastHost = host;
  else {
    host = 'localhost';
    for (const f of fallbacks) {
      if (f && HOST.test(f)) {
        host = f;
        break;
      }
    }
  }
  return `${scheme}://${host}`;
}

const UNSAFE_PATH = /[?#]|%(?![0-9A-Fa-f]{2})/g;
const escapeChar = (c: string) => (c === '?' ? '%3F' : c === '#' ? '%23' : '%25');

/** A path that stays a path on the request line: `?`, `#` and stray `%` escaped; always starts with `/`. */
export function safePath(path: string): string {
  if (path.length === 0) return '/';
  const p = UNSAFE_PATH.test(path) ? path.replace(UNSAFE_PATH, escapeChar) : path;
  UNSAFE_PATH.lastIndex = 0;
  return p.charCodeAt(0) === 47 ? p : `/${p}`;
}

/** Strips `prefix` (like `/api`) from `path` when it is a whole leading segment run. */
export function stripPrefix(path: string, prefix: string | undefined): string {
  if (!prefix || prefix === '/') return path;
  const p = prefix.charCodeAt(0) === 47 ? prefix : `/${prefix}`;
  const q = p.endsWith('/') ? p.slice(0, -1) : p;
  if (path === q) return '/';
  if (path.startsWith(q) && path.charCodeAt(q.length) === 47) return path.slice(q.length);
  return path;
}

/** Query string from a map of decoded values (API Gateway v1, WebSocket): each name and value percent-encoded. */
export function encodeQuery(single: unknown, multi: unknown): string {
  const src = multi !== null && typeof multi === 'object' ? multi : single;
  if (src === null || typeof src !== 'object') return '';
  let q = '';
  for (const name in src) {
    const v = (src as Record<string, unknown>)[name];
    if (v === undefined || v === null) continue;
    const key = encodeURIComponent(name);
    if (Array.isArray(v)) {
      for (const x of v) q += `${q ? '&' : ''}${key}=${encodeURIComponent(String(x))}`;
    } else q += `${q ? '&' : ''}${key}=${encodeURIComponent(String(v))}`;
  }
  return q;
}

/** Query string from a map of values as the client sent them (ALB: not decoded by AWS): joined as they are. */
export function joinQuery(single: unknown, multi: unknown): string {
  const src = multi !== null && typeof multi === 'object' ? multi : single;
  if (src === null || typeof src !== 'object') return '';
  let q = '';
  for (const name in src) {
    const v = (src as Record<string, unknown>)[name];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) q += `${q ? '&' : ''}${name}=${String(x)}`;
    } else q += `${q ? '&' : ''}${name}=${String(v)}`;
  }
  return q;
}

/** Body bytes of an event: base64-decoded when flagged; `null` when empty. */
export function bodyOf(body: unknown, base64: unknown): Buffer | null {
  if (typeof body !== 'string' || body.length === 0) return null;
  return base64 === true ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
}
