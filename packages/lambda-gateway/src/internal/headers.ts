import { InvalidHttpEventError } from '../errors.js';

/**
 * Event header values are JSON strings; HTTP header values are bytes. A
 * value with non-ASCII characters becomes its UTF-8 bytes, one character per
 * byte (what Node's http server and fetch hold), so it reaches the app intact.
 */
export function toByteString(value: string): string {
  // Every non-ASCII code unit takes more than one UTF-8 byte: equal lengths mean ASCII (and a fast native check).
  return Buffer.byteLength(value) === value.length ? value : Buffer.from(value, 'utf8').toString('latin1');
}

/** The inverse of {@link toByteString} for response headers: UTF-8 bytes back to text when they are valid UTF-8. */
export function fromByteString(value: string): string {
  if (Buffer.byteLength(value) === value.length || /[^\x00-\xff]/.test(value)) return value;
  const text = Buffer.from(value, 'latin1').toString('utf8');
  return text.includes('\ufffd') ? value : text;
}

function headerValue(value: unknown, map: string, name: string): string {
  if (typeof value === 'string') return toByteString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new InvalidHttpEventError(`${map}.${name}`, `expected a string, got ${value === null ? 'null' : typeof value}`);
}

/**
 * Flattens `multiValueHeaders` (every value) and `headers` (names missing
 * from the former) into a name/value list.
 */
export function collectHeaders(single: unknown, multi: unknown, out: string[], field = 'headers'): void {
  let many: Record<string, unknown> | undefined;
  if (multi !== null && typeof multi === 'object') {
    many = multi as Record<string, unknown>;
    for (const name in many) {
      const values = many[name];
      if (values === undefined || values === null) continue;
      if (Array.isArray(values)) {
        for (const v of values) out.push(name, headerValue(v, 'multiValueHeaders', name));
      } else out.push(name, headerValue(values, 'multiValueHeaders', name));
    }
  }
  let seen: Set<string> | undefined;
  if (single !== null && typeof single === 'object') {
    for (const name in single) {
      const value = (single as Record<string, unknown>)[name];
      if (value === undefined || value === null) continue;
      if (many !== undefined) {
        // API Gateway sends every header in both maps, under the same name: the exact lookup settles most.
        const same = Object.prototype.hasOwnProperty.call(many, name) ? many[name] : undefined;
        if (same !== undefined && same !== null) continue;
        seen ??= namesOf(many);
        if (seen.has(name.toLowerCase())) continue;
      }
      if (Array.isArray(value)) {
        for (const v of value) out.push(name, headerValue(v, field, name));
      } else out.push(name, headerValue(value, field, name));
    }
  }
}

/** Lower-case names of a header map with a value. */
function namesOf(map: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const name in map) {
    const v = map[name];
    if (v !== undefined && v !== null) names.add(name.toLowerCase());
  }
  return names;
}

/** First value of a header (case-insensitive) in a flat list. */
export function findHeader(headers: string[], lowerName: string): string | undefined {
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!;
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return headers[i + 1];
  }
  return undefined;
}

/** Removes every value of a header (case-insensitive) from a flat list. */
export function removeHeader(headers: string[], lowerName: string): void {
  for (let i = headers.length - 2; i >= 0; i -= 2) {
    if (headers[i]!.toLowerCase() === lowerName) headers.splice(i, 2);
  }
}

/** A string field of the event, or an {@link InvalidHttpEventError} naming it. */
export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidHttpEventError(field, `expected a string, got ${value === null ? 'null' : typeof value}`);
  return value;
}
