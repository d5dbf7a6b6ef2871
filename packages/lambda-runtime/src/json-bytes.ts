import { utilTypes } from './node-util.js';
import { JSONStringifyError, ResponseSizeTooLargeError } from './errors.js';

// JSON.stringify(value) written straight to UTF-8 bytes, with the same output
// and errors. Long strings are copied in one native call from their flat form:
// encoding JSON.stringify's result instead would first flatten it into a new
// string, and a string of 128 KiB or more is a fresh large-object allocation
// in V8 (page faults on every first touch).

/** Strings this long and longer are written in one native call and checked on their bytes. */
const LONG = 64;
/** A scratch buffer grown beyond this is dropped after use. */
const KEEP_MAX = 8 * 1024 * 1024;

/** Thrown inside the writer when the value has a cycle or nests too deep: native JSON.stringify decides. */
const NATIVE = Symbol('native');

interface WellFormed {
  isWellFormed(): boolean;
}

const NONE: readonly string[] = [];

class Out {
  buf: Buffer;
  pos = 0;
  /** Strings known to need no escaping (decoded from an event's long literals): written unchecked. */
  clean: readonly string[] = NONE;

  constructor(size: number) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  ensure(n: number): void {
    if (this.pos + n > this.buf.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n + 1024));
      this.buf.copy(next, 0, 0, this.pos);
      this.buf = next;
    }
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos++] = b;
  }

  ascii(s: string): void {
    const n = s.length;
    this.ensure(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A string as JSON.stringify quotes it. */
  string(s: string): void {
    const n = s.length;
    if (n < LONG) {
      this.ensure(n + 2);
      const b = this.buf;
      let p = this.pos;
      b[p++] = 0x22;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0x80) break;
        b[p++] = c;
      }
      if (i === n) {
        b[p++] = 0x22;
        this.pos = p;
        return;
      }
    }
    this.ensure(3 * n + 2);
    const b = this.buf;
    const from = this.pos + 1;
    const written = b.write(s, from);
    const to = from + written;
    if (this.clean !== NONE && this.clean.includes(s)) {
      b[from - 1] = 0x22;
      b[to] = 0x22;
      this.pos = to + 1;
      return;
    }
    // Lone surrogates (JSON.stringify escapes them) only exist in strings with non-ASCII characters.
    if (hasEscapes(b, from, to) || (written !== n && !(s as unknown as WellFormed).isWellFormed())) {
      this.escaped(s);
      return;
    }
    b[from - 1] = 0x22;
    b[to] = 0x22;
    this.pos = to + 1;
  }

  /** A string with characters to escape: V8 escapes it, we copy the result. */
  private escaped(s: string): void {
    const e = JSON.stringify(s);
    this.ensure(3 * e.length);
    this.pos += this.buf.write(e, this.pos);
  }
}

/** True when bytes `[from, to)` hold `"`, `\` or a control character (U+0000–U+001F). */
export function hasEscapes(b: Uint8Array, from: number, to: number): boolean {
  if (to - from < 32) {
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      if (c < 0x20 || c === 0x22 || c === 0x5c) return true;
    }
    return false;
  }
  const view = Buffer.from(b.buffer, b.byteOffset + from, to - from);
  if (view.indexOf(0x22) !== -1 || view.indexOf(0x5c) !== -1) return true;
  return hasControl(b, from, to);
}

/** True when bytes `[from, to)` hold a byte below 0x20 (a word at a time). */
export function hasControl(b: Uint8Array, from: number, to: number): boolean {
  let i = from;
  while (i < to && ((b.byteOffset + i) & 3) !== 0) if (b[i++]! < 0x20) return true;
  const words = (to - i) >> 2;
  if (words > 0) {
    const w = new Int32Array(b.buffer, b.byteOffset + i, words);
    const even = words & ~1;
    let k = 0;
    for (; k < even; k += 2) {
      const x = w[k]!;
      const y = w[k + 1]!;
      // A byte below 0x20 in x or y sets its high bit here (exact for bounds up to 0x80).
      if ((((x - 0x20202020) & ~x) | ((y - 0x20202020) & ~y)) & 0x80808080) return true;
    }
    if (k < words) {
      const x = w[k]!;
      if (((x - 0x20202020) & ~x) & 0x80808080) return true;
    }
    i += words << 2;
  }
  while (i < to) if (b[i++]! < 0x20) return true;
  return false;
}

function bigIntError(): TypeError {
  return new TypeError('Do not know how to serialize a BigInt');
}

function number(out: Out, v: number): void {
  if ((v | 0) === v) {
    if (v >= 0 && v < 10) {
      out.byte(0x30 + v);
      return;
    }
    out.ascii(String(v));
    return;
  }
  out.ascii(Number.isFinite(v) ? String(v) : 'null');
}

/** SerializeJSONProperty with `value` already read from its holder; false when the result is undefined. */
function property(out: Out, key: string | number, value: unknown, stack: object[]): boolean {
  let v = value;
  if ((typeof v === 'object' && v !== null) || typeof v === 'function' || typeof v === 'bigint') {
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') v = toJSON.call(v, typeof key === 'number' ? String(key) : key);
  }
  switch (typeof v) {
    case 'string':
      out.string(v);
      return true;
    case 'number':
      number(out, v);
      return true;
    case 'boolean':
      out.ascii(v ? 'true' : 'false');
      return true;
    case 'bigint':
      throw bigIntError();
    case 'object':
      if (v === null) {
        out.ascii('null');
        return true;
      }
      const types = utilTypes!;
      if (types.isBoxedPrimitive(v)) {
        if (types.isNumberObject(v)) {
          number(out, +(v as number));
          return true;
        }
        if (types.isStringObject(v)) {
          out.string(String(v));
          return true;
        }
        if (types.isBooleanObject(v)) {
          out.ascii(Boolean.prototype.valueOf.call(v) ? 'true' : 'false');
          return true;
        }
        if (types.isBigIntObject(v)) throw bigIntError();
        // A Symbol object: an ordinary object for JSON.
      }
      if (stack.includes(v)) throw NATIVE;
      stack.push(v);
      if (Array.isArray(v)) array(out, v, stack);
      else object(out, v as Record<string, unknown>, stack);
      stack.pop();
      return true;
    default:
      return false;
  }
}

function array(out: Out, a: unknown[], stack: object[]): void {
  out.byte(0x5b);
  const n = a.length;
  for (let i = 0; i < n; i++) {
    if (i > 0) out.byte(0x2c);
    if (!property(out, i, a[i], stack)) out.ascii('null');
  }
  out.byte(0x5d);
}

function object(out: Out, o: Record<string, unknown>, stack: object[]): void {
  out.byte(0x7b);
  let first = true;
  for (const k of Object.keys(o)) {
    const v = o[k];
    const mark = out.pos;
    if (!first) out.byte(0x2c);
    out.string(k);
    out.byte(0x3a);
    if (property(out, k, v, stack)) first = false;
    else out.pos = mark;
  }
  out.byte(0x7d);
}

/** Scratch writers not lent out; the results of the others are still being sent. */
const free: Out[] = [];
/** Writers whose buffer holds a result not yet released, by that buffer. */
const lent = new WeakMap<ArrayBufferLike, Out>();
/** Most free writers kept (one per invocation in flight), and their most bytes in all. */
const FREE_MAX = 8;
const FREE_BYTES_MAX = 16 * 1024 * 1024;
let freeBytes = 0;
/** Whether the last result was large: the byte writer then pays off again. */
let lastLarge = false;
/** Results from this size on would be flattened into a large-object string by the native route. */
const LARGE = 64 * 1024;

function take(): Out {
  const out = free.pop();
  if (out === undefined) return new Out(64 * 1024);
  freeBytes -= out.buf.length;
  return out;
}

function putBack(out: Out): void {
  out.clean = NONE;
  const n = out.buf.length;
  if (n > KEEP_MAX || free.length >= FREE_MAX || freeBytes + n > FREE_BYTES_MAX) return;
  free.push(out);
  freeBytes += n;
}

/**
 * Gives the memory of a result of {@link serializeBytes} back for reuse: call
 * it once the bytes are no longer read (written to the socket). Other
 * values are ignored, as is a second call. A result never released is
 * never reused (the garbage collector frees it).
 */
export function releaseBytes(bytes: Uint8Array): void {
  const out = lent.get(bytes.buffer);
  if (out === undefined || out.buf.buffer !== bytes.buffer) return;
  lent.delete(bytes.buffer);
  putBack(out);
}

/**
 * The handler's result as UTF-8 JSON: the bytes of `JSON.stringify(result)`
 * (`null` for `undefined`), with the same errors as `serializeResult`
 * ({@link JSONStringifyError}, {@link ResponseSizeTooLargeError}).
 *
 * `likelyLarge` (e.g. the event was large) picks the byte writer, which
 * copies long strings straight from their flat form; otherwise, unless the
 * previous result was large, native `JSON.stringify` runs (faster on many
 * small values). Both give the same bytes. `clean` lists strings known
 * to need no escaping (see `parsePayload`). A value with a cycle or nested
 * too deep for the byte writer is handed to native `JSON.stringify`, which
 * then runs its `toJSON` methods and getters again.
 *
 * The byte writer's result is a view of a pooled scratch buffer, not a
 * copy: hand it to {@link releaseBytes} once it is written. Until then
 * that buffer is not reused.
 */
export function serializeBytes(result: unknown, maxBytes: number, likelyLarge = true, clean: readonly string[] = NONE): Buffer {
  if ((!likelyLarge && !lastLarge) || utilTypes === undefined) return serializeNative(result, maxBytes);
  const out = take();
  out.pos = 0;
  out.clean = clean.length > 0 ? clean : NONE;
  try {
    try {
      if (!property(out, '', result, [])) out.ascii('null');
    } catch (err) {
      if (err !== NATIVE && !(err instanceof RangeError)) throw err;
      out.pos = 0;
      const text = JSON.stringify(result) ?? 'null';
      out.ensure(3 * text.length);
      out.pos = out.buf.write(text, 0);
    }
  } catch (err) {
    putBack(out);
    throw new JSONStringifyError(err);
  }
  out.clean = NONE;
  const size = out.pos;
  lastLarge = size >= LARGE;
  if (size > maxBytes) {
    putBack(out);
    throw new ResponseSizeTooLargeError(size, maxBytes);
  }
  lent.set(out.buf.buffer, out);
  return out.buf.subarray(0, size);
}

/** `Buffer.from(serializeResult(result))`, with the size limit checked on the bytes. */
function serializeNative(result: unknown, maxBytes: number): Buffer {
  let text: string | undefined;
  try {
    text = JSON.stringify(result);
  } catch (err) {
    throw new JSONStringifyError(err);
  }
  const bytes = Buffer.from(text ?? 'null', 'utf8');
  lastLarge = bytes.length >= LARGE;
  if (bytes.length > maxBytes) throw new ResponseSizeTooLargeError(bytes.length, maxBytes);
  return bytes;
}
