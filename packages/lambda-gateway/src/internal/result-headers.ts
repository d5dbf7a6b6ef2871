import { fromByteString } from './headers.js';
import { STATUS_TEXT } from './status-text.js';

/** One value per name (repeated names comma-joined), `Set-Cookie` values apart. */
export function singleValueHeaders(headers: string[]): { headers: Record<string, string>; cookies: string[] } {
  const out: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!;
    const value = fromByteString(headers[i + 1]!);
    if (name === 'set-cookie') cookies.push(value);
    else {
      const prev = out[name];
      out[name] = prev === undefined ? value : `${prev}, ${value}`;
    }
  }
  return { headers: out, cookies };
}

/** Every value of every name, none joined. */
export function multiValueHeaders(headers: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!;
    const value = fromByteString(headers[i + 1]!);
    const prev = out[name];
    if (prev === undefined) out[name] = [value];
    else prev.push(value);
  }
  return out;
}

/**
 * Spreads several `Set-Cookie` values over differently-cased header names
 * (`set-cookie`, `Set-cookie`, `sEt-cookie`, ...) so a single-value header map
 * can carry them all; HTTP header names are case-insensitive, so clients
 * see one `Set-Cookie` header per cookie.
 */
export function spreadCookies(target: Record<string, string>, cookies: string[]): void {
  const base = 'set-cookie';
  for (let i = 0; i < cookies.length; i++) target[casePermutation(base, i)] = cookies[i]!;
}

function casePermutation(name: string, n: number): string {
  let out = '';
  let bits = n;
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c >= 'a' && c <= 'z') {
      out += bits & 1 ? c.toUpperCase() : c;
      bits >>= 1;
    } else out += c;
  }
  return out;
}

/** `"200 OK"`: the status line text ALB and VPC Lattice want. */
export function statusDescription(status: number, statusText: string): string {
  return `${status} ${statusText || STATUS_TEXT[status] || ''}`.trimEnd();
}
