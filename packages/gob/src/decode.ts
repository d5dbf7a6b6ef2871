import { GobDecodeError, GobError, type GobErrorCode } from './errors.js';
import { goString } from './gotype.js';
import type { Infer } from './infer.js';
import {
  resolve, type AnySchema, type InterfaceSchema, type MarshalerSchema, type Schema, type StructSchema,
} from './schema.js';
import { builtinWireType, TypeId, WireType, type WireField, type WireKind } from './types.js';
import { Reader } from './wire/reader.js';

/** Limits and behaviour of a {@link Decoder}. Every limit rejects with a `GobDecodeError` (`ERR_GOB_LIMIT`). */
export interface DecoderOptions {
  /** Largest accepted message, in bytes. Default 64 MiB (Go: 1 GiB... 8 GiB). */
  maxMessageSize?: number;
  /** Deepest nesting of values (structs, slices, maps, interfaces) and of type definitions. Default 1000. */
  maxDepth?: number;
  /** Largest element count of one slice, array or map. Default 16 Mi. */
  maxElements?: number;
  /** Estimated bytes one value may allocate (objects, arrays, strings, copied bytes). Default 256 MiB. */
  maxAllocation?: number;
  /** Most type definitions one stream may send. Default 10 000. */
  maxTypes?: number;
  /**
   * Copy decoded `[]byte` values out of the input. Default `false`: they
   * are views (`subarray`) of the chunks you pushed (or of the decoder's own
   * buffer when a message spans chunks), which the decoder never writes to.
   */
  copyBytes?: boolean;
}

/** The result of a successful `tryDecode`. */
export interface Decoded<T> {
  value: T;
}

/** The result of a successful `tryDecodeAny`: the value and its wire type. */
export interface DecodedAny {
  value: unknown;
  type: WireType;
}

type Fn = (r: Reader) => any;

const NEED_MORE = Symbol('need more');
const EMPTY = new Uint8Array(0);
const MAX_F32 = 3.4028234663852886e38;
/** Go's tooBig on 64-bit platforms: message lengths of 2^33 and more are invalid. */
const TOO_BIG = 2 ** 33;
/** Largest assembly buffer kept for reuse. */
const SPARE_MAX = 8 * 1024 * 1024;

function mismatchOf(e: unknown): boolean {
  return e instanceof GobDecodeError && e.code === 'ERR_GOB_TYPE_MISMATCH';
}

/**
 * A gob stream decoder. Push bytes in any chunks, then pull values with a
 * schema (`tryDecode`), without one (`tryDecodeAny`) or skip them
 * (`trySkip`). A `try*` call returns `undefined` while the next value is not
 * complete yet. Type definitions are read as they come.
 *
 * Errors: bad input throws {@link GobDecodeError} with the stream offset.
 * After an error in a value (type mismatch, out-of-range integer, corrupt
 * value) the message is dropped and the stream continues with the next
 * value, like Go. Errors in the framing (message lengths) are final.
 *
 * @example
 * ```ts
 * const dec = new Decoder();
 * socket.on('data', (chunk) => {
 *   dec.push(chunk);
 *   for (let r; (r = dec.tryDecode(InvokeRequest)); ) handle(r.value);
 * });
 * socket.on('end', () => dec.end());
 * ```
 */
export class Decoder {
  private buf: Uint8Array = EMPTY;
  private start = 0;
  private stop = 0;
  /** Stream offset of buf[0]. */
  private base = 0;
  private owned = false;
  /** An assembly buffer no decoded value refers to, kept for the next message that spans chunks. */
  private spare: Uint8Array | undefined;
  private total = 0;
  private ended = false;
  private broken_: GobDecodeError | undefined;
  private defsPending = false;

  private readonly defs = new Map<number, WireType>();
  private pending: number[] = [];
  private readonly ops = new WeakMap<Schema, Map<number, Fn>>();
  private readonly tops = new WeakMap<Schema, Map<number, Fn>>();
  private readonly skips = new Map<number, Fn>();
  private readonly anys = new Map<number, Fn>();
  private readonly r = new Reader();
  private at = 0;
  private allocated = 0;

  private readonly maxMessage: number;
  private readonly maxDepth: number;
  private readonly maxElements: number;
  private readonly maxAlloc: number;
  private readonly maxTypes: number;
  private readonly copyBytes: boolean;
  private readonly lookup = (id: number): WireType | undefined => this.defs.get(id);

  constructor(options: DecoderOptions = {}) {
    this.maxMessage = options.maxMessageSize ?? 64 * 1024 * 1024;
    this.maxDepth = options.maxDepth ?? 1000;
    this.maxElements = options.maxElements ?? 16 * 1024 * 1024;
    this.maxAlloc = options.maxAllocation ?? 256 * 1024 * 1024;
    this.maxTypes = options.maxTypes ?? 10_000;
    this.copyBytes = options.copyBytes === true;
    this.r.next = () => this.nextMessage();
  }

  /** Adds input. Chunks may split messages anywhere. The decoder never writes into `chunk`. */
  push(chunk: Uint8Array): void {
    if (this.broken_) throw this.broken_;
    if (this.ended) throw new GobError('gob: push after end()', 'ERR_GOB_TRUNCATED');
    const n = chunk.length;
    if (n === 0) return;
    this.total += n;
    if (this.start === this.stop) {
      this.retire();
      this.buf = chunk;
      this.start = 0;
      this.stop = n;
      this.base = this.total - n;
      this.owned = false;
      return;
    }
    if (this.owned && this.stop + n <= this.buf.length) {
      this.buf.set(chunk, this.stop);
      this.stop += n;
      return;
    }
    const live = this.stop - this.start;
    const need = Math.max(live + n, this.pendingMessageSize());
    let next: Uint8Array;
    if (this.owned && !this.r.lent && this.buf.length >= need) {
      // No value refers to this buffer: move the live bytes to its front.
      next = this.buf;
      next.copyWithin(0, this.start, this.stop);
    } else {
      const spare = this.spare;
      if (spare !== undefined && spare.length >= need) {
        next = spare;
        this.spare = undefined;
      } else {
        next = new Uint8Array(Math.max(2 * (live + n), 4096, this.pendingMessageSize()));
      }
      next.set(this.buf.subarray(this.start, this.stop));
      this.retire();
    }
    next.set(chunk, live);
    this.base += this.start;
    this.buf = next;
    this.start = 0;
    this.stop = live + n;
    this.owned = true;
  }

  /**
   * Says that the `[]byte` views (see `copyBytes`) of the values decoded so
   * far are no longer used: the decoder may then write new input into the
   * memory behind them instead of allocating. Without this call it never
   * reuses memory it handed out; buffers no value refers to are reused anyway.
   *
   * @example
   * ```ts
   * for (let r; (r = dec.tryDecode(InvokeRequest)); ) {
   *   handle(r.value); // reads r.value.Payload now, keeps no view of it
   *   dec.release();
   * }
   * ```
   */
  release(): void {
    this.r.lent = false;
  }

  /** Leaves the current buffer: keeps it for reuse when it is an assembly buffer no value refers to. */
  private retire(): void {
    const b = this.buf;
    if (this.owned && !this.r.lent && b.length <= SPARE_MAX && (this.spare === undefined || b.length > this.spare.length)) this.spare = b;
    this.r.lent = false;
  }

  /**
   * Signals the end of input. Throws `GobDecodeError` (`ERR_GOB_TRUNCATED`)
   * when the input ends inside a message or after type definitions without
   * their value. After `end()`, the `try*` methods return `undefined` at the
   * clean end of the stream and throw if a value needs bytes that never came.
   */
  end(): void {
    if (this.broken_) throw this.broken_;
    this.ended = true;
    let at = this.start;
    while (at < this.stop) {
      const m = this.peek(at);
      if (!m) this.truncated(at);
      at = m[1];
    }
    if (this.defsPending && this.start === this.stop) this.truncated(at);
  }

  /**
   * The final error once the stream's framing is broken (a bad message
   * length, truncated input after `end()`); every call then rethrows it.
   * `undefined` while the stream is usable, including after errors that only
   * dropped one value.
   */
  get broken(): GobDecodeError | undefined {
    return this.broken_;
  }

  /** Bytes pushed but not consumed yet. */
  get buffered(): number {
    return this.stop - this.start;
  }

  /** The wire type received for `id` (or a predeclared one). */
  wireType(id: number): WireType | undefined {
    return this.defs.get(id) ?? builtinWireType(id);
  }

  /**
   * Decodes the next value into `schema` with Go's compatibility rules
   * (struct fields matched by name, integer widths converted with range
   * checks). Returns `undefined` until the value's bytes are all there.
   */
  tryDecode<S extends Schema<unknown>>(schema: S): Decoded<Infer<S>> | undefined {
    return this.run((id, r) => this.topOp(schema, id)(r)) as Decoded<Infer<S>> | undefined;
  }

  /** Consumes and discards the next value, like Go's `Decode(nil)`. Returns `false` until it is complete. */
  trySkip(): boolean {
    return this.run((id, r) => this.skipTop(id, r)) !== undefined;
  }

  /**
   * Decodes the next value without a schema into plain JS values: numbers
   * (bigint beyond +/-(2^53-1)), strings, `Uint8Array`, arrays, `Map`s,
   * objects (every field of the wire type, zero values included),
   * `{ type, value }` for interfaces and `Uint8Array` for GobEncoder data.
   * Also returns the value's wire type.
   */
  tryDecodeAny(): DecodedAny | undefined {
    let type: WireType | undefined;
    const res = this.run((id, r) => {
      type = this.wireType(id);
      return this.anyTop(id, r);
    });
    return res ? { value: res.value, type: type! } : undefined;
  }

  // ---- framing ----

  private truncated(at: number): never {
    const e = new GobDecodeError('gob: input ends inside a message (unexpected EOF)', 'ERR_GOB_TRUNCATED', this.base + at);
    this.broken_ = e;
    throw e;
  }

  private framing(msg: string, code: GobErrorCode, at: number): never {
    const e = new GobDecodeError(`gob: ${msg}`, code, this.base + at);
    this.broken_ = e;
    throw e;
  }

  /** Size (header included) of the message at `start` when its header is complete and sane, else 0. */
  private pendingMessageSize(): number {
    const b = this.buf;
    const at = this.start;
    if (at >= this.stop) return 0;
    const x = b[at]!;
    if (x < 0x80) return 1 + x;
    const k = 256 - x;
    if (k > 8 || at + 1 + k > this.stop) return 0;
    let n = 0;
    for (let i = 1; i <= k; i++) n = n * 256 + b[at + i]!;
    return n <= this.maxMessage ? 1 + k + n : 0;
  }

  /** Header of the message at `at`: [payload start, payload end], or undefined when incomplete. */
  private peek(at: number): [number, number] | undefined {
    const b = this.buf;
    if (at >= this.stop) return undefined;
    const x = b[at]!;
    let n = x;
    let p = at + 1;
    if (x >= 0x80) {
      const k = 256 - x;
      if (k > 8) this.framing('invalid message length: encoded unsigned integer out of range', 'ERR_GOB_CORRUPT', at);
      if (p + k > this.stop) return undefined;
      n = 0;
      for (let i = 0; i < k; i++) n = n * 256 + b[p++]!;
    }
    if (n >= TOO_BIG) this.framing(`invalid message length ${n}`, 'ERR_GOB_CORRUPT', at);
    if (n > this.maxMessage) this.framing(`message of ${n} bytes exceeds the limit of ${this.maxMessage}`, 'ERR_GOB_LIMIT', at);
    if (n === 0) this.framing('zero-length message', 'ERR_GOB_CORRUPT', at);
    if (p + n > this.stop) return undefined;
    return [p, p + n];
  }

  /** Moves the reader to the next message (an interface value continues there). */
  private nextMessage(): void {
    const r = this.r;
    const m = this.peek(r.end);
    if (!m) {
      if (this.ended) this.truncated(r.end);
      throw NEED_MORE;
    }
    r.pos = m[0];
    r.end = m[1];
  }

  private run(decode: (id: number, r: Reader) => unknown): Decoded<unknown> | undefined {
    if (this.broken_) throw this.broken_;
    const r = this.r;
    for (;;) {
      const m = this.peek(this.start);
      if (!m) {
        if (this.ended && this.start < this.stop) this.truncated(this.start);
        if (this.ended && this.defsPending) this.truncated(this.start);
        return undefined;
      }
      r.buf = this.buf;
      r.base = this.base;
      r.pos = m[0];
      r.end = m[1];
      this.at = this.base + m[0];
      let id: number;
      try {
        id = r.int();
      } catch (e) {
        this.start = m[1];
        throw e;
      }
      if (id < 0) {
        try {
          this.pending = [];
          this.recvType(-id, r);
          if (r.pos < r.end) r.fail('extra data in buffer');
        } catch (e) {
          this.start = m[1];
          throw e;
        }
        this.start = m[1];
        this.defsPending = true;
        continue;
      }
      this.pending = [];
      this.allocated = 0;
      this.depth = 0;
      try {
        const value = decode(id, r);
        this.consumed(r.end);
        return { value };
      } catch (e) {
        if (e === NEED_MORE) {
          for (const p of this.pending) this.defs.delete(p);
          return undefined;
        }
        if (this.broken_) throw this.broken_;
        this.consumed(r.end);
        if (e instanceof RangeError) {
          throw new GobDecodeError('gob: value nested too deeply for the JS stack', 'ERR_GOB_LIMIT', this.base + r.pos, { cause: e });
        }
        throw e;
      }
    }
  }

  private consumed(at: number): void {
    this.defsPending = false;
    this.start = at;
    if (at === this.stop) {
      this.base += at;
      this.retire();
      this.buf = EMPTY;
      this.start = this.stop = 0;
      this.owned = false;
    }
  }

  // ---- type definitions ----

  private fail(msg: string, code: GobErrorCode = 'ERR_GOB_CORRUPT'): never {
    throw new GobDecodeError(`gob: ${msg}`, code, this.at);
  }

  private recvType(id: number, r: Reader): void {
    if (id < TypeId.FirstUser || this.defs.has(id)) r.fail('duplicate type received', 'ERR_GOB_DUPLICATE_TYPE');
    if (id > 0x7fffffff) r.fail(`type id ${id} out of range`);
    if (this.defs.size >= this.maxTypes) r.fail(`more than ${this.maxTypes} type definitions`, 'ERR_GOB_LIMIT');
    const wt = this.parseWireType(id, r);
    this.defs.set(id, wt);
    this.pending.push(id);
  }

  /** Reads Go's wireType struct. */
  private parseWireType(id: number, r: Reader): WireType {
    let result: WireType | undefined;
    let count = 0;
    structFields(r, 7, (field) => {
      count++;
      const kinds: WireKind[] = ['array', 'slice', 'struct', 'map', 'gobEncoder', 'binaryMarshaler', 'textMarshaler'];
      const kind = kinds[field]!;
      let name = '';
      let elem = 0;
      let key = 0;
      let len = 0;
      const fields: WireField[] = [];
      const nfields = kind === 'array' || kind === 'map' ? 3 : kind === 'slice' || kind === 'struct' ? 2 : 1;
      structFields(r, nfields, (f) => {
        if (f === 0) {
          structFields(r, 2, (cf) => {
            if (cf === 0) name = r.utf8(r.length('type name'));
            else r.int();
          });
        } else if (kind === 'struct') {
          const n = r.length('field list');
          for (let i = 0; i < n; i++) {
            let fname = '';
            let fid = 0;
            structFields(r, 2, (ff) => {
              if (ff === 0) fname = r.utf8(r.length('field name'));
              else fid = typeIdOf(r);
            });
            fields.push({ name: fname, id: fid });
          }
        } else if (f === 1) {
          if (kind === 'map') key = typeIdOf(r);
          else elem = typeIdOf(r);
        } else if (kind === 'map') {
          elem = typeIdOf(r);
        } else {
          len = r.int();
          if (len < 0) r.fail('negative array length');
        }
      });
      result = new WireType(id, kind, name, elem, key, len, fields, this.lookup);
    });
    if (count !== 1 || !result) r.fail('invalid type definition');
    return result;
  }

  private wire(id: number): WireType {
    const w = this.defs.get(id) ?? builtinWireType(id);
    if (!w) this.fail('unknown type id or corrupted data', 'ERR_GOB_UNKNOWN_TYPE');
    return w;
  }

  // ---- limits ----

  private depth = 0;

  /** `n` elements of a slice or array, one nesting level deeper, charging `bytes` to the allocation budget. */
  private readList(r: Reader, n: number, bytes: number, elem: Fn): unknown[] {
    this.enter(r);
    this.alloc(r, bytes);
    const out = [];
    for (let i = 0; i < n; i++) {
      if (r.pos >= r.end) r.fail(`decoding array or slice: length exceeds input size (${n} elements)`);
      out.push(elem(r));
    }
    this.depth--;
    return out;
  }

  private enter(r: Reader): void {
    if (++this.depth > this.maxDepth) r.fail(`value nesting deeper than ${this.maxDepth}`, 'ERR_GOB_LIMIT');
  }

  private alloc(r: Reader, n: number): void {
    this.allocated += n;
    if (this.allocated > this.maxAlloc) r.fail(`value allocates more than ${this.maxAlloc} bytes`, 'ERR_GOB_LIMIT');
  }

  private count(r: Reader, what: string): number {
    const n = r.uint();
    if (n > this.maxElements) r.fail(`${what} of ${n} elements exceeds the limit of ${this.maxElements}`, 'ERR_GOB_LIMIT');
    return n;
  }

  // ---- typed decoding ----

  private mismatch(msg: string): never {
    throw new GobDecodeError(`gob: ${msg}`, 'ERR_GOB_TYPE_MISMATCH', this.at);
  }

  /** Go's decodeValue: a struct directly, anything else as a singleton. */
  private topOp(schema: Schema, id: number): Fn {
    let m = this.tops.get(schema);
    if (!m) this.tops.set(schema, (m = new Map()));
    const had = m.get(id);
    if (had) return had;
    let base = resolve(schema);
    while (base.kind === 'ptr') base = resolve(base.elem);
    let fn: Fn;
    if (base.kind === 'struct') {
      const w = this.wire(id);
      if (w.kind !== 'struct') this.mismatch(`type mismatch in decoder: want struct type ${goString(base)}; got non-struct`);
      const names = new Set(base.fields.filter((f) => f.sent).map((f) => f.name));
      if (base.fields.length > 0 && w.fields.length > 0 && !w.fields.some((f) => names.has(f.name))) {
        this.mismatch(`type mismatch: no fields matched compiling decoder for ${base.name || goString(base)}`);
      }
      fn = this.op(base, id, 0);
    } else {
      let inner: Fn;
      try {
        inner = this.op(schema, id, 0);
      } catch (e) {
        if (!mismatchOf(e)) throw e;
        const local = goString(schema);
        if (base.kind === 'interface' && id !== TypeId.Interface) {
          this.mismatch(`local interface type ${local} can only be decoded from remote interface type; received concrete type ${this.describe(id)}`);
        }
        this.mismatch(`decoding into local type ${local}, received remote type ${this.describe(id)}`);
      }
      fn = (r) => {
        if (r.uint() !== 0) r.fail('decode: corrupted data: non-zero delta for singleton');
        return inner(r);
      };
    }
    m.set(id, fn);
    return fn;
  }

  private describe(id: number): string {
    const w = this.defs.get(id) ?? builtinWireType(id);
    return w ? w.toString() : `type id ${id}`;
  }

  /** The decoder of wire type `id` into `schema` (cached; recursion-safe). */
  private op(schema: Schema, id: number, depth: number): Fn {
    let m = this.ops.get(schema);
    if (!m) this.ops.set(schema, (m = new Map()));
    return this.memo(m, id, depth, 'type nesting', () => this.build(resolve(schema), id, depth + 1));
  }

  /**
   * The cached op of `id` in `cache`, built once. A placeholder that forwards
   * to the real op is cached while it is built, so recursive types terminate.
   */
  private memo(cache: Map<number, Fn>, id: number, depth: number, what: string, build: () => Fn): Fn {
    const had = cache.get(id);
    if (had) return had;
    if (depth > this.maxDepth) this.fail(`${what} deeper than ${this.maxDepth}`, 'ERR_GOB_LIMIT');
    let real: Fn | undefined;
    cache.set(id, (r) => real!(r));
    try {
      real = build();
    } catch (e) {
      cache.delete(id);
      throw e;
    }
    cache.set(id, real);
    return real;
  }

  private build(s: AnySchema, id: number, depth: number): Fn {
    const w = this.wire(id);
    const want = (ok: boolean): void => {
      if (!ok) this.mismatch(`type mismatch: local ${goString(s)}, remote ${this.describe(id)}`);
    };
    if (s.kind === 'ptr') return this.op(s.elem, id, depth);
    if (s.kind === 'marshaler') {
      want(w.kind === (s.via === 'GobEncoder' ? 'gobEncoder' : 'binaryMarshaler'));
      return this.marshalerOp(s);
    }
    want(w.kind !== 'gobEncoder' && w.kind !== 'binaryMarshaler' && w.kind !== 'textMarshaler');
    const copy = this.copyBytes;
    switch (s.kind) {
      case 'bool':
        want(id === TypeId.Bool);
        return (r) => r.uint() !== 0;
      case 'int': {
        want(id === TypeId.Int);
        if (s.bits === 64) return s.bigint ? (r) => r.intBig() : (r) => r.int();
        const max = 2 ** (s.bits - 1) - 1;
        const min = -max - 1;
        const name = s.goName;
        return (r) => {
          const p = r.pos;
          const v = r.int();
          if (v < min || v > max) {
            r.pos = p;
            r.fail(`value for "${name}" out of range`, 'ERR_GOB_RANGE');
          }
          return v;
        };
      }
      case 'uint': {
        want(id === TypeId.Uint);
        if (s.bits === 64) return s.bigint ? (r) => r.uintBig() : (r) => r.uintSafe();
        const max = 2 ** s.bits - 1;
        const name = s.goName;
        return (r) => {
          const p = r.pos;
          const v = r.uint();
          if (v > max) {
            r.pos = p;
            r.fail(`value for "${name}" out of range`, 'ERR_GOB_RANGE');
          }
          return v;
        };
      }
      case 'float':
        want(id === TypeId.Float);
        if (s.bits === 64) return (r) => r.float();
        return (r) => f32(r, r.float());
      case 'complex':
        want(id === TypeId.Complex);
        if (s.bits === 128) return (r) => ({ re: r.float(), im: r.float() });
        return (r) => ({ re: f32(r, r.float()), im: f32(r, r.float()) });
      case 'string':
        want(id === TypeId.String);
        if (s.raw) return (r) => r.copy(r.length('string'));
        return (r) => {
          const n = r.length('string');
          this.alloc(r, 16 + n * 2);
          return r.utf8(n);
        };
      case 'bytes':
        want(id === TypeId.Bytes);
        return (r) => {
          const n = r.length('[]byte');
          if (n === 0) return EMPTY;
          if (copy) {
            this.alloc(r, n);
            return r.copy(n);
          }
          return r.take(n);
        };
      case 'interface':
        want(id === TypeId.Interface);
        return this.interfaceOp(s);
      case 'slice': {
        want(w.kind === 'slice');
        const elem = this.op(s.elem, w.elem, depth);
        return (r) => {
          const n = this.count(r, 'slice');
          return this.readList(r, n, 8 * Math.min(n, r.end - r.pos) + 16, elem);
        };
      }
      case 'array': {
        want(w.kind === 'array' && w.len === s.len);
        const elem = this.op(s.elem, w.elem, depth);
        const len = s.len;
        return (r) => {
          if (r.uint() !== len) r.fail('length mismatch in decodeArray');
          return this.readList(r, len, 8 * len + 16, elem);
        };
      }
      case 'map': {
        want(w.kind === 'map');
        const key = this.op(s.key, w.key, depth);
        const elem = this.op(s.elem, w.elem, depth);
        return (r) => this.readMap(r, key, elem);
      }
      case 'struct':
        want(w.kind === 'struct');
        return this.structOp(s, w, depth);
      default:
        this.mismatch(`type mismatch: local ${goString(s)}, remote ${this.describe(id)}`);
    }
  }

  private readMap(r: Reader, key: Fn, elem: Fn): Map<unknown, unknown> {
    const n = this.count(r, 'map');
    if (n > r.end - r.pos) r.fail(`map of ${n} entries exceeds input size`);
    this.enter(r);
    this.alloc(r, 64 + 48 * n);
    const m = new Map();
    for (let i = 0; i < n; i++) {
      const k = key(r);
      m.set(k, elem(r));
    }
    this.depth--;
    return m;
  }

  private marshalerOp(s: MarshalerSchema): Fn {
    return (r) => {
      const n = r.length('GobDecoder data');
      const bytes = r.copy(n);
      try {
        return s.decode(bytes);
      } catch (e) {
        r.pos -= n;
        r.fail(`${s.name}: ${e instanceof Error ? e.message : String(e)}`, 'ERR_GOB_MARSHALER');
      }
    };
  }

  private structOp(s: StructSchema, w: WireType, depth: number): Fn {
    const wf = w.fields;
    const nw = wf.length;
    const ops: Fn[] = [];
    const keys: (string | null)[] = [];
    for (let i = 0; i < nw; i++) {
      const f = wf[i]!;
      if (f.name === '') this.fail(`empty name for remote field of type ${w.name}`);
      const local = s.fields.find((x) => x.sent && x.name === f.name);
      if (!local) {
        ops.push(this.skipOp(f.id, depth));
        keys.push(null);
        continue;
      }
      try {
        ops.push(this.op(local.schema, f.id, depth));
      } catch (e) {
        if (!mismatchOf(e)) throw e;
        this.mismatch(`wrong type (${goString(local.schema)}) for received field ${w.name}.${f.name}`);
      }
      keys.push(local.name);
    }
    const { make, fill } = structZero(s);
    const size = 32 + 8 * s.fields.length;
    return (r) => {
      this.enter(r);
      this.alloc(r, size);
      const o = make();
      let field = -1;
      while (r.pos < r.end) {
        const delta = r.uint();
        if (delta === 0) break;
        if (delta >= nw - field) r.fail('bad data: field numbers out of bounds');
        field += delta;
        const v = ops[field]!(r);
        const k = keys[field]!;
        if (k !== null) o[k] = v;
      }
      this.depth--;
      return fill(o);
    };
  }

  private interfaceOp(s: InterfaceSchema): Fn {
    const registry = s.registry;
    return (r) => {
      const name = this.interfaceName(r);
      if (name === null) return null;
      const concrete = registry.get(name);
      if (!concrete) return r.fail(`name not registered for interface: ${JSON.stringify(name)}`, 'ERR_GOB_UNREGISTERED');
      this.enter(r);
      this.alloc(r, 32);
      const id = this.typeSequence(r);
      r.uint();
      this.at = r.base + r.pos;
      const value = this.topOp(concrete, id)(r);
      this.depth--;
      return { type: name, value };
    };
  }

  private interfaceName(r: Reader): string | null {
    const n = r.uint();
    if (n === 0) return null;
    if (n > r.end - r.pos) r.fail(`invalid type name length ${n}: exceeds input size`);
    if (n > 1024) r.fail(`name too long (${n} bytes)`);
    return r.utf8(n);
  }

  /** Go's decodeTypeSequence(true): type definitions inline, then the concrete type id. */
  private typeSequence(r: Reader): number {
    for (;;) {
      if (r.pos >= r.end) r.next();
      const id = r.int();
      if (id >= 0) return id;
      this.recvType(-id, r);
      if (r.pos < r.end) r.uint();
    }
  }

  // ---- skipping ----

  private skipTop(id: number, r: Reader): true {
    const w = this.wire(id);
    const op = this.skipOp(id, 0);
    if (w.kind !== 'struct' && r.uint() !== 0) r.fail('decode: corrupted data: non-zero delta for singleton');
    op(r);
    return true;
  }

  private skipOp(id: number, depth: number): Fn {
    return this.memo(this.skips, id, depth, 'invalid nesting depth: type nesting', () => this.buildSkip(this.wire(id), depth + 1));
  }

  private buildSkip(w: WireType, depth: number): Fn {
    switch (w.kind) {
      case 'bool': case 'int': case 'uint': case 'float':
        return (r) => r.uint();
      case 'complex':
        return (r) => {
          r.uint();
          r.uint();
        };
      case 'string': case 'bytes': case 'gobEncoder': case 'binaryMarshaler': case 'textMarshaler':
        return (r) => {
          const n = r.length('value');
          r.pos += n;
        };
      case 'interface':
        return (r) => {
          const name = this.interfaceName(r);
          if (name === null) return;
          this.enter(r);
          this.typeSequence(r);
          const n = r.length('interface value');
          r.pos += n;
          this.depth--;
        };
      case 'slice': case 'array': {
        const elem = this.skipOp(w.elem, depth);
        const isArray = w.kind === 'array';
        const len = w.len;
        return (r) => {
          const n = r.uint();
          if (isArray && n !== len) r.fail('length mismatch in ignoreArray');
          this.enter(r);
          for (let i = 0; i < n; i++) {
            if (r.pos >= r.end) r.fail(`decoding array or slice: length exceeds input size (${n} elements)`);
            elem(r);
          }
          this.depth--;
        };
      }
      case 'map': {
        const key = this.skipOp(w.key, depth);
        const elem = this.skipOp(w.elem, depth);
        return (r) => {
          const n = r.uint();
          if (n > r.end - r.pos) r.fail(`map of ${n} entries exceeds input size`);
          this.enter(r);
          for (let i = 0; i < n; i++) {
            key(r);
            elem(r);
          }
          this.depth--;
        };
      }
      case 'struct': {
        const ops = w.fields.map((f) => {
          if (f.name === '') this.fail(`empty name for remote field of type ${w.name}`);
          return this.skipOp(f.id, depth);
        });
        const nw = ops.length;
        return (r) => {
          this.enter(r);
          let field = -1;
          while (r.pos < r.end) {
            const delta = r.uint();
            if (delta === 0) break;
            if (delta >= nw - field) r.fail('bad data: field numbers out of bounds');
            field += delta;
            ops[field]!(r);
          }
          this.depth--;
        };
      }
    }
  }

  // ---- schemaless ----

  private anyTop(id: number, r: Reader): unknown {
    const w = this.wire(id);
    const op = this.anyOp(id, 0);
    if (w.kind !== 'struct' && r.uint() !== 0) r.fail('decode: corrupted data: non-zero delta for singleton');
    return op(r);
  }

  private anyOp(id: number, depth: number): Fn {
    return this.memo(this.anys, id, depth, 'type nesting', () => this.buildAny(this.wire(id), depth + 1));
  }

  private buildAny(w: WireType, depth: number): Fn {
    const copy = this.copyBytes;
    switch (w.kind) {
      case 'bool': return (r) => r.uint() !== 0;
      case 'int': return (r) => r.intAny();
      case 'uint': return (r) => r.uintAny();
      case 'float': return (r) => r.float();
      case 'complex': return (r) => ({ re: r.float(), im: r.float() });
      case 'string':
        return (r) => {
          const n = r.length('string');
          this.alloc(r, 16 + n * 2);
          return r.utf8(n);
        };
      case 'bytes':
        return (r) => {
          const n = r.length('[]byte');
          if (copy) {
            this.alloc(r, n);
            return r.copy(n);
          }
          return r.take(n);
        };
      case 'gobEncoder': case 'binaryMarshaler': case 'textMarshaler':
        return (r) => r.copy(r.length('GobEncoder data'));
      case 'interface':
        return (r) => {
          const name = this.interfaceName(r);
          if (name === null) return null;
          this.enter(r);
          const id = this.typeSequence(r);
          r.uint();
          this.at = r.base + r.pos;
          const value = this.anyTop(id, r);
          this.depth--;
          return { type: name, value };
        };
      case 'slice': case 'array': {
        const elem = this.anyOp(w.elem, depth);
        const isArray = w.kind === 'array';
        const len = w.len;
        return (r) => {
          const n = this.count(r, 'slice');
          if (isArray && n !== len) r.fail('length mismatch in decodeArray');
          return this.readList(r, n, 8 * Math.min(n, r.end - r.pos) + 16, elem);
        };
      }
      case 'map': {
        const key = this.anyOp(w.key, depth);
        const elem = this.anyOp(w.elem, depth);
        return (r) => this.readMap(r, key, elem);
      }
      case 'struct': {
        const ops = w.fields.map((f) => {
          if (f.name === '') this.fail(`empty name for remote field of type ${w.name}`);
          return this.anyOp(f.id, depth);
        });
        const names = w.fields.map((f) => f.name);
        const nw = ops.length;
        const zeros = w.fields.map((f) => this.wireZero(f.id));
        const size = 32 + 8 * nw;
        return (r) => {
          this.enter(r);
          this.alloc(r, size);
          const o: Record<string, unknown> = {};
          for (let i = 0; i < nw; i++) setField(o, names[i]!, zeros[i]!());
          let field = -1;
          while (r.pos < r.end) {
            const delta = r.uint();
            if (delta === 0) break;
            if (delta >= nw - field) r.fail('bad data: field numbers out of bounds');
            field += delta;
            setField(o, names[field]!, ops[field]!(r));
          }
          this.depth--;
          return o;
        };
      }
    }
  }

  /**
   * Zero value of a wire type, for fields absent from a schemaless struct.
   * Go never omits struct and array fields, so when they are absent the
   * sender had a nil pointer: `null`.
   */
  private wireZero(id: number): () => unknown {
    const w = this.defs.get(id) ?? builtinWireType(id);
    if (!w) return () => null;
    switch (w.kind) {
      case 'bool': return () => false;
      case 'int': case 'uint': case 'float': return () => 0;
      case 'complex': return () => ({ re: 0, im: 0 });
      case 'string': return () => '';
      case 'bytes': return () => EMPTY;
      case 'slice': return () => [];
      default: return () => null;
    }
  }
}

function setField(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

function f32(r: Reader, v: number): number {
  if (Math.abs(v) > MAX_F32 && Number.isFinite(v)) r.fail('value for "float32" out of range', 'ERR_GOB_RANGE');
  return Math.fround(v);
}

function typeIdOf(r: Reader): number {
  const id = r.int();
  if (id <= 0 || id > 0x7fffffff) r.fail(`invalid type id ${id}`);
  return id;
}

/** Reads a struct's field deltas, calling `each` with the field number. */
function structFields(r: Reader, n: number, each: (field: number) => void): void {
  let field = -1;
  while (r.pos < r.end) {
    const delta = r.uint();
    if (delta === 0) return;
    if (delta >= n - field) r.fail('bad data: field numbers out of bounds');
    field += delta;
    each(field);
  }
}

/**
 * Zero values of struct `s`: `make()` returns an object with every field,
 * mutable zero values (slices, nested structs...) left `undefined`, and
 * `fill(o)` sets those that decoding did not set. This avoids allocating
 * zero values that decoded fields replace.
 */
interface StructZero {
  make: () => any;
  fill: (o: any) => any;
}

const zeroFactories = new WeakMap<StructSchema, StructZero>();

function structZero(s: StructSchema): StructZero {
  const had = zeroFactories.get(s);
  if (had) return had;
  const template: Record<string, unknown> = {};
  const fresh: [string, () => unknown][] = [];
  for (const f of s.fields) {
    const z = zeroOf(f.schema);
    if (typeof z === 'function') {
      template[f.name] = undefined;
      fresh.push([f.name, z as () => unknown]);
    } else {
      template[f.name] = z;
    }
  }
  const n = fresh.length;
  const sz: StructZero = {
    make: () => ({ ...template }),
    fill: n === 0
      ? (o) => o
      : (o) => {
          for (let i = 0; i < n; i++) {
            const [k, z] = fresh[i]!;
            if (o[k] === undefined) o[k] = z();
          }
          return o;
        },
  };
  zeroFactories.set(s, sz);
  return sz;
}

/** A function returning a fresh zero value of struct `s`. */
function zeroFactory(s: StructSchema): () => any {
  const z = structZero(s);
  return () => z.fill(z.make());
}

/** The zero value of a schema, or a function making a fresh one (for mutable values). */
function zeroOf(schema: Schema): unknown {
  const s = resolve(schema);
  switch (s.kind) {
    case 'bool': return false;
    case 'int': case 'uint': return s.bigint ? 0n : 0;
    case 'float': return 0;
    case 'complex': return () => ({ re: 0, im: 0 });
    case 'string': return s.raw ? EMPTY : '';
    case 'bytes': return EMPTY;
    case 'slice': return () => [];
    case 'array': {
      const z = zeroOf(s.elem);
      const n = s.len;
      return typeof z === 'function'
        ? () => Array.from({ length: n }, z as () => unknown)
        : () => new Array(n).fill(z);
    }
    case 'struct': return zeroFactory(s);
    case 'marshaler': return s.zero;
    default: return null;
  }
}
