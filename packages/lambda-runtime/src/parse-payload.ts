import { parseEvent } from './invoke.js';
import { hasControl } from './json-bytes.js';

// A large event that is mostly a few long string values (an echoed text, a
// base64 body) is parsed without first decoding it into one big string: each
// long string value is decoded on its own, the rest (the skeleton, with
// placeholders for those values) goes through JSON.parse. A string of
// 128 KiB or more is a fresh large-object allocation in V8, so this saves one
// such allocation of the whole payload. The result is exactly JSON.parse's;
// whenever the shortcut does not apply, parseEvent does the work.

/** Payloads from this size on are worth the scan. */
const MIN_PAYLOAD = 64 * 1024;
/** String literals (in bytes, quotes excluded) this long and longer are decoded on their own. */
const LONG = 16 * 1024;
/** The skeleton left after removing the long literals must be this small. */
const MAX_SKELETON = 16 * 1024;
/** Most string literals looked at before giving up. */
const MAX_STRINGS = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** `\u0000` as JSON text: the placeholders start with it; a payload holding it is left to parseEvent. */
const NUL_ESCAPE = Buffer.from('\\u0000', 'latin1');

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index of the quote closing the string literal opened at `open`, or -1. */
function closingQuote(b: Buffer, open: number): number {
  let q = open;
  for (;;) {
    q = b.indexOf(QUOTE, q + 1);
    if (q === -1) return -1;
    let k = q - 1;
    while (b[k] === BACKSLASH) k--;
    if (((q - 1 - k) & 1) === 0) return q;
  }
}

/**
 * Parses an event payload like `parseEvent` (JSON text, `undefined` when
 * empty, {@link InvalidEventError} when invalid), with a shortcut for large
 * payloads whose bulk is in a few long string values. The long strings it
 * decodes that way are added to `clean` (they need no escaping in JSON).
 */
export function parsePayload(payload: Uint8Array, clean?: string[]): unknown {
  if (payload.length >= MIN_PAYLOAD) {
    const r = parseSpliced(payload, clean);
    if (r) return r.value;
  }
  return parseEvent(payload);
}

/**
 * The shortcut of {@link parsePayload} alone: the parsed value, or
 * `undefined` when it does not apply (then JSON.parse of the whole text
 * decides, including which error to throw).
 */
export function parseSpliced(payload: Uint8Array, clean?: string[]): { value: unknown } | undefined {
  const b = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  // Walks the string literals from the start: outside strings, valid JSON has no quotes or backslashes.
  const spans: number[] = [];
  let kept = b.length;
  let at = 0;
  for (let seen = 0; ; seen++) {
    const open = b.indexOf(QUOTE, at);
    if (open === -1) break;
    if (seen === MAX_STRINGS) return undefined;
    const close = closingQuote(b, open);
    if (close === -1) return undefined;
    at = close + 1;
    if (close - open - 1 < LONG) continue;
    let next = at;
    while (isSpace(b[next])) next++;
    if (b[next] === 0x3a) continue; // an object key
    spans.push(open + 1, close);
    kept -= close - open - 1;
  }
  if (spans.length === 0 || kept > MAX_SKELETON) return undefined;
  // Long literals must hold no escapes and no control characters (else JSON.parse decides, or fails).
  for (let i = 0; i < spans.length; i += 2) {
    const from = spans[i]!;
    const to = spans[i + 1]!;
    const slice = b.subarray(from, to);
    if (slice.indexOf(BACKSLASH) !== -1 || hasControl(b, from, to)) return undefined;
  }
  if (b.indexOf(NUL_ESCAPE) !== -1) return undefined;
  // The skeleton: the payload with each long literal's content replaced by `\u0000<index>`.
  let text = '';
  let from = 0;
  for (let i = 0; i < spans.length; i += 2) {
    text += b.toString('utf8', from, spans[i]!) + '\\u0000' + i / 2;
    from = spans[i + 1]!;
  }
  text += b.toString('utf8', from, b.length);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Only the placeholders can hold U+0000: the payload has no `\u0000` and no raw control characters in strings.
  const values: string[] = [];
  for (let i = 0; i < spans.length; i += 2) values.push(b.toString('utf8', spans[i]!, spans[i + 1]!));
  // Decoded from literals without `"`, `\` or control characters: JSON writes them unescaped.
  if (clean) clean.push(...values);
  return { value: fill(root, values) };
}

function placeholder(v: unknown): number {
  if (typeof v !== 'string' || v.length < 2 || v.length > 12 || v.charCodeAt(0) !== 0) return -1;
  const k = Number(v.slice(1));
  return Number.isInteger(k) ? k : -1;
}

/** Puts the long strings where their placeholders are (iteratively: the skeleton may nest deeply). */
function fill(root: unknown, values: string[]): unknown {
  const top = placeholder(root);
  if (top !== -1) return values[top];
  let left = values.length;
  const stack: unknown[] = [root];
  while (stack.length > 0 && left > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        const k = placeholder(v);
        if (k !== -1) {
          node[i] = values[k];
          left--;
        } else if (typeof v === 'object' && v !== null) stack.push(v);
      }
    } else {
      const o = node as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        const v = o[key];
        const k = placeholder(v);
        if (k !== -1) {
          o[key] = values[k];
          left--;
        } else if (typeof v === 'object' && v !== null) stack.push(v);
      }
    }
  }
  return root;
}
