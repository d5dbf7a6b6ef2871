import { GobEncodeError, GobError } from './errors.js';
import { goString } from './gotype.js';
import { IdSpace, userType, type TypeInfo, type UserType } from './idspace.js';
import type { Infer } from './infer.js';
import {
  resolve, type AnySchema, type GobInterfaceValue, type InterfaceSchema, type MarshalerSchema, type Schema,
  type StructSchema,
} from './schema.js';
import { uintSize, utf8Bytes, Writer } from './wire/writer.js';

/** Space kept in front of every message buffer for its length prefix. */
const RESERVE = 9;
/** Go refuses messages of 1 GiB and more. */
const TOO_BIG = 1 << 30;

type EncFn = (w: Writer, v: any) => void;
type ZeroFn = (v: any) => boolean;
interface Ready {
  id: number;
  enc: EncFn;
  struct: boolean;
}
interface Plan {
  enc: EncFn;
  zero: ZeroFn;
}

/** Options of {@link Encoder}. */
export interface EncoderOptions {
  /**
   * The type id space. Default: a new one (ids from 65, like a fresh Go
   * process). Share one between encoders to mimic one Go process.
   */
  ids?: IdSpace;
}

let active: Encoder | undefined;

/**
 * One gob stream: each type definition is sent once, before the first value
 * that needs it. `encode` returns exactly the bytes Go's `Encoder.Encode`
 * writes for the same call.
 *
 * @example
 * ```ts
 * const Point = t.struct('Point', { X: t.int(), Y: t.int() });
 * const enc = new Encoder();
 * socket.write(enc.encode(Point, { X: 22, Y: 33 })); // definition + value
 * socket.write(enc.encode(Point, { X: 1, Y: 2 }));   // value only
 * ```
 */
export class Encoder {
  /** The type id space this encoder numbers types in. */
  readonly ids: IdSpace;
  private readonly sent = new Map<string, number>();
  private journal: string[] = [];
  private writers: Writer[] = [];
  private readonly journalList: string[] = [];
  private readonly writerList: Writer[] = [];
  private readonly refList: { at: number; bytes: Uint8Array }[] = [];
  private busy = false;
  /** Schemas whose definitions this stream has sent: their id and compiled encoder (the fast path). */
  private readonly ready = new Map<Schema, Ready>();
  private readonly out = new Writer(256);
  private state = new Writer(4096);

  constructor(options: EncoderOptions = {}) {
    this.ids = options.ids ?? new IdSpace();
  }

  /**
   * Encodes `value` as the next value of the stream and returns the bytes to
   * send (type definitions the stream has not seen yet, then the value).
   * Throws {@link GobEncodeError} when the value does not fit the schema;
   * the stream is then unchanged.
   *
   * Results of up to 4 KiB may share one `ArrayBuffer` (like Node's pooled
   * `Buffer`s): copy them (`slice()`) before transferring their `.buffer`.
   */
  encode<S extends Schema<unknown>>(schema: S, value: Infer<S>): Uint8Array {
    return this.run(schema, value, false) as Uint8Array;
  }

  /**
   * Like {@link Encoder.encode}, but returns the bytes as a list of chunks
   * to write in order (`socket.cork()`, write each, `uncork()`), and large
   * byte slices (2 KiB and more, outside interface values) are not copied:
   * their chunks are the very `Uint8Array`s of the value. Do not modify
   * them until the chunks are written. The fastest way to send big payloads.
   *
   * @example
   * ```ts
   * socket.cork();
   * for (const chunk of enc.encodev(InvokeResponse, res)) socket.write(chunk);
   * socket.uncork();
   * ```
   */
  encodev<S extends Schema<unknown>>(schema: S, value: Infer<S>): Uint8Array[] {
    return this.run(schema, value, true) as Uint8Array[];
  }

  private run(schema: Schema, value: unknown, chunks: boolean): Uint8Array | Uint8Array[] {
    if (!this.busy && value !== null && value !== undefined) {
      const r = this.ready.get(schema);
      if (r !== undefined) return this.again(r, value, chunks);
    }
    if (schema === undefined || schema === null) throw new GobEncodeError('gob: cannot encode nil value', 'ERR_GOB_NIL');
    const prev = active;
    active = this;
    const savedWriters = this.writers;
    const savedJournal = this.journal;
    // reuse the scratch buffers and lists unless called re-entrantly (from a marshaler)
    const reentrant = this.busy;
    this.busy = true;
    const journal = reentrant ? [] : this.journalList;
    journal.length = 0;
    this.journal = journal;
    const out = reentrant ? new Writer(64) : this.out;
    const state = reentrant ? new Writer(256) : this.state;
    out.pos = 0;
    state.pos = RESERVE;
    state.refs = null;
    state.refLen = 0;
    const writers = reentrant ? [] : this.writerList;
    writers.length = 0;
    writers.push(out);
    this.writers = writers;
    const refs = reentrant ? [] : this.refList;
    try {
      const top = resolve(schema);
      if (top.kind === 'ptr' && (value === null || value === undefined)) {
        throw new GobEncodeError(`gob: cannot encode nil pointer of type ${goString(schema)}`, 'ERR_GOB_NIL');
      }
      this.ids.verify(schema);
      const ut = userType(schema);
      this.sendTypeDescriptor(out, state, ut);
      state.int(this.sent.get(ut.baseKey)!);
      refs.length = 0;
      state.refs = refs;
      encodeTop(state, ut, value);
      if (!reentrant && out.pos === 0 && value !== null && value !== undefined) {
        const base = ut.base;
        this.ready.set(schema, { id: this.sent.get(ut.baseKey)!, enc: plan(base).enc, struct: base.kind === 'struct' });
      }
      return this.finish(out, state, chunks, !reentrant);
    } catch (e) {
      throw this.failure(e, journal, out);
    } finally {
      state.refs = null;
      refs.length = 0;
      active = prev;
      this.writers = savedWriters;
      this.journal = savedJournal;
      this.busy = reentrant;
    }
  }

  /** The fast path of `run` for a schema whose definitions were sent: only the value. */
  private again(r: Ready, value: unknown, chunks: boolean): Uint8Array | Uint8Array[] {
    const prev = active;
    active = this;
    this.busy = true;
    const savedWriters = this.writers;
    const savedJournal = this.journal;
    // interface values inside may still send definitions (into `out`)
    const journal = this.journalList;
    if (journal.length !== 0) journal.length = 0;
    this.journal = journal;
    const out = this.out;
    const writers = this.writerList;
    if (writers.length !== 1) writers.length = 1;
    writers[0] = out;
    this.writers = writers;
    const state = this.state;
    out.pos = 0;
    state.pos = RESERVE;
    state.refLen = 0;
    const refs = this.refList;
    if (refs.length !== 0) refs.length = 0;
    state.refs = refs;
    try {
      state.int(r.id);
      if (!r.struct) state.byte(0);
      r.enc(state, value);
      return this.finish(out, state, chunks, true);
    } catch (e) {
      throw this.failure(e, journal, out);
    } finally {
      state.refs = null;
      if (refs.length !== 0) refs.length = 0;
      active = prev;
      this.writers = savedWriters;
      this.journal = savedJournal;
      this.busy = false;
    }
  }

  /** The encoded value; with `shrink`, a scratch writer grown past 4 MiB and mostly unused this time is replaced. */
  private finish(out: Writer, state: Writer, chunks: boolean, shrink: boolean): Uint8Array | Uint8Array[] {
    const result = chunks ? this.chunks(out, state) : this.single(out, state);
    if (shrink && state.buf.length > 4 * 1024 * 1024 && state.pos < state.buf.length / 4) this.state = new Writer(4096);
    return result;
  }

  /** Forgets the definitions this call recorded as sent and gives the error to throw (with the bytes written so far). */
  private failure(e: unknown, journal: string[], out: Writer): GobError {
    if (journal.length > 0) this.ready.clear();
    for (const k of journal) this.sent.delete(k);
    const err = e instanceof GobError ? e : toEncodeError(e);
    if (err instanceof GobEncodeError) err.partial = out.buf.slice(0, out.pos);
    return err;
  }

  /** One buffer: the definitions, then the message with its referenced byte slices copied in. */
  private single(out: Writer, state: Writer): Uint8Array {
    const refs = state.refs!;
    const msg = frame(state, state.refLen);
    const result = allocate(out.pos + msg.length + state.refLen);
    result.set(out.buf.subarray(0, out.pos));
    let at = out.pos;
    let from = state.pos - msg.length;
    for (const r of refs) {
      result.set(state.buf.subarray(from, r.at), at);
      at += r.at - from;
      result.set(r.bytes, at);
      at += r.bytes.length;
      from = r.at;
    }
    result.set(state.buf.subarray(from, state.pos), at);
    return result;
  }

  private chunks(out: Writer, state: Writer): Uint8Array[] {
    const refs = state.refs!;
    const msg = frame(state, state.refLen);
    const start = state.pos - msg.length;
    const list: Uint8Array[] = [];
    let from = start;
    let head: Uint8Array | undefined = out.pos > 0 ? out.buf.subarray(0, out.pos) : undefined;
    for (const r of refs) {
      const piece = state.buf.subarray(from, r.at);
      list.push(head ? concat(head, piece) : copyOf(piece));
      head = undefined;
      list.push(r.bytes);
      from = r.at;
    }
    const tail = state.buf.subarray(from, state.pos);
    if (head) list.push(concat(head, tail));
    else if (tail.length > 0) list.push(copyOf(tail));
    return list;
  }

  private markSent(key: string, id: number): void {
    if (!this.sent.has(key)) this.journal.push(key);
    this.sent.set(key, id);
  }

  /** Go's sendTypeDescriptor. */
  private sendTypeDescriptor(w: Writer, state: Writer, ut: UserType): void {
    const key = ut.ext !== 0 ? ut.userKey : ut.baseKey;
    if (this.sent.has(key)) return;
    if (!this.sendType(w, state, ut.ext !== 0 ? ut.user : ut.base)) {
      this.markSent(key, this.ids.typeInfo(ut).id);
    }
  }

  /** Go's sendType: defines the type (and its parts) if it needs a definition. */
  private sendType(w: Writer, state: Writer, s: Schema): boolean {
    const ut = userType(s);
    if (ut.ext !== 0) return this.sendActualType(w, state, ut);
    switch (ut.base.kind) {
      case 'slice': case 'array': case 'map': case 'struct':
        return this.sendActualType(w, state, ut);
      default:
        return false;
    }
  }

  private sendActualType(w: Writer, state: Writer, ut: UserType): boolean {
    if (this.sent.has(ut.baseKey)) return false;
    const info = this.ids.typeInfo(ut);
    state.int(-info.id);
    writeWireType(state, info);
    writeMessage(w, state);
    this.markSent(ut.baseKey, info.id);
    if (ut.userKey !== ut.baseKey) this.markSent(ut.userKey, info.id);
    const b = ut.base;
    switch (b.kind) {
      case 'struct':
        for (const f of b.fields) if (f.sent) this.sendType(w, state, f.schema);
        break;
      case 'array': case 'slice':
        this.sendType(w, state, b.elem);
        break;
      case 'map':
        this.sendType(w, state, b.key);
        this.sendType(w, state, b.elem);
        break;
    }
    return true;
  }

  /** @internal Go's encodeInterface. */
  encodeInterface(b: Writer, schema: InterfaceSchema, v: GobInterfaceValue | null | undefined): void {
    if (v === null || v === undefined) {
      b.uint(0);
      return;
    }
    if (typeof v !== 'object' || typeof v.type !== 'string') {
      throw new GobEncodeError('gob: interface value must be null or { type, value }', 'ERR_GOB_ENCODE');
    }
    const concrete = schema.registry.get(v.type);
    if (!concrete) throw new GobEncodeError(`gob: type not registered for interface: ${v.type}`, 'ERR_GOB_UNREGISTERED');
    if (resolve(concrete).kind === 'ptr' && (v.value === null || v.value === undefined)) {
      throw new GobEncodeError(`gob: cannot encode nil pointer of type ${v.type} inside interface`, 'ERR_GOB_NIL');
    }
    this.ids.verify(concrete);
    const name = utf8Bytes(v.type);
    b.uint(name.length);
    b.raw(name);
    const ut = userType(concrete);
    const writers = this.writers;
    this.sendTypeDescriptor(writers[writers.length - 1]!, b, ut);
    b.int(this.sent.get(ut.baseKey)!);
    writers.push(b);
    const data = new Writer(64);
    data.pos = RESERVE;
    try {
      encodeTop(data, ut, v.value);
    } finally {
      writers.pop();
    }
    writeMessage(b, data);
  }
}

function toEncodeError(e: unknown): GobEncodeError {
  if (e instanceof RangeError) return new GobEncodeError('gob: value nested too deeply', 'ERR_GOB_ENCODE', '', { cause: e });
  return new GobEncodeError(`gob: ${e instanceof Error ? e.message : String(e)}`, 'ERR_GOB_ENCODE', '', { cause: e });
}

/** Writes `b`'s message (after its reserve) length-prefixed into `w`, then empties `b`. */
function writeMessage(w: Writer, b: Writer): void {
  const len = b.pos - RESERVE;
  if (len >= TOO_BIG) throw new GobEncodeError('gob: encoder: message too big', 'ERR_GOB_ENCODE');
  const k = uintSize(len);
  const start = RESERVE - k;
  putUint(b.buf, start, len, k);
  w.raw(b.buf.subarray(start, b.pos));
  b.pos = RESERVE;
}

/** Results up to this size are carved out of a shared slab (like Node's pooled Buffers). */
const POOLED_MAX = 4096;
const SLAB_SIZE = 64 * 1024;
let slab = new ArrayBuffer(0);
let slabUsed = 0;

/** A new array of `n` bytes; small ones share a slab, which saves an ArrayBuffer per result. */
function allocate(n: number): Uint8Array {
  if (n > POOLED_MAX) return new Uint8Array(n);
  if (slabUsed + n > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_SIZE);
    slabUsed = 0;
  }
  const r = new Uint8Array(slab, slabUsed, n);
  slabUsed = (slabUsed + n + 7) & ~7;
  return r;
}

function copyOf(a: Uint8Array): Uint8Array {
  const r = allocate(a.length);
  r.set(a);
  return r;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const r = allocate(a.length + b.length);
  r.set(a);
  r.set(b, a.length);
  return r;
}

/**
 * Frames the message in `b` in place and returns a view of it (length
 * prefix included); `extra` counts referenced bytes that are not in `b`.
 */
function frame(b: Writer, extra: number): Uint8Array {
  const len = b.pos - RESERVE + extra;
  if (len >= TOO_BIG) throw new GobEncodeError('gob: encoder: message too big', 'ERR_GOB_ENCODE');
  const k = uintSize(len);
  putUint(b.buf, RESERVE - k, len, k);
  return b.buf.subarray(RESERVE - k, b.pos);
}


function putUint(buf: Uint8Array, at: number, n: number, k: number): void {
  if (k === 1) {
    buf[at] = n;
    return;
  }
  buf[at] = 256 - (k - 1);
  for (let i = k - 1; i >= 1; i--) {
    buf[at + i] = n % 256;
    n = Math.floor(n / 256);
  }
}

/** Encodes Go's wireType for a definition. */
function writeWireType(w: Writer, info: TypeInfo): void {
  const wire = info.wire!;
  const t = wire.type;
  const variant = { array: 1, slice: 2, struct: 3, map: 4, gobEncoder: 5, binaryMarshaler: 6 }[wire.variant];
  w.uint(variant);
  // CommonType, field 0 of every variant
  w.uint(1);
  if (t.name !== '') {
    w.uint(1);
    w.string(t.name);
    w.uint(1);
  } else {
    w.uint(2);
  }
  w.int(t.id);
  w.uint(0);
  switch (wire.variant) {
    case 'array':
      w.uint(1);
      w.int(t.elem!.id);
      if (t.len !== 0) {
        w.uint(1);
        w.int(t.len!);
      }
      break;
    case 'slice':
      w.uint(1);
      w.int(t.elem!.id);
      break;
    case 'map':
      w.uint(1);
      w.int(t.key!.id);
      w.uint(1);
      w.int(t.elem!.id);
      break;
    case 'struct': {
      const fs = t.fields!;
      if (fs.length > 0) {
        w.uint(1);
        w.uint(fs.length);
        for (const f of fs) {
          if (f.name !== '') {
            w.uint(1);
            w.string(f.name);
            w.uint(1);
          } else {
            w.uint(2);
          }
          w.int(f.type.id);
          w.uint(0);
        }
      }
      break;
    }
  }
  w.uint(0);
  w.uint(0);
}

/** Go's Encoder.encode: a struct directly, anything else as a singleton (delta 0, value). */
function encodeTop(w: Writer, ut: UserType, value: unknown): void {
  const base = ut.base;
  if (base.kind === 'marshaler' && base.ptrReceiver && ut.indir === 0) {
    throw new GobEncodeError(`gob: unaddressable value of type *${goString(base)}`, 'ERR_GOB_ENCODE');
  }
  if (base.kind === 'func' || base.kind === 'chan') {
    throw new GobEncodeError(`gob NewTypeObject can't handle type: ${goString(base)}`, 'ERR_GOB_UNSUPPORTED');
  }
  const p = plan(base);
  if (base.kind === 'struct') {
    p.enc(w, value);
  } else {
    w.byte(0);
    p.enc(w, value);
  }
}

const plans = new WeakMap<Schema, Plan>();

/** @internal The compiled encoder of a schema. */
export function plan(schema: Schema): Plan {
  const cached = plans.get(schema);
  if (cached) return cached;
  const p: Plan = { enc: () => {}, zero: () => false };
  plans.set(schema, p);
  const s = resolve(schema);
  if (s !== schema) {
    const inner = plan(s);
    p.enc = (w, v) => inner.enc(w, v);
    p.zero = (v) => inner.zero(v);
    return p;
  }
  compile(s, p);
  return p;
}

function fail(msg: string, code: 'ERR_GOB_ENCODE' | 'ERR_GOB_RANGE' | 'ERR_GOB_NIL' = 'ERR_GOB_ENCODE'): never {
  throw new GobEncodeError(`gob: ${msg}`, code);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Uint8Array) return 'Uint8Array';
  return typeof v;
}

const emptyBytes = new Uint8Array(0);
const MAX_F32 = 3.4028234663852886e38;

function intRange(bits: number, unsigned: boolean): [number, number] {
  if (bits === 64) return unsigned ? [0, Number.MAX_SAFE_INTEGER] : [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  return unsigned ? [0, 2 ** bits - 1] : [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1];
}

function compile(s: AnySchema, p: Plan): void {
  switch (s.kind) {
    case 'bool':
      p.enc = (w, v) => {
        if (v === true) w.byte(1);
        else if (v === false || v === undefined || v === null) w.byte(0);
        else fail(`expected boolean, got ${describe(v)}`);
      };
      p.zero = (v) => !v;
      return;
    case 'int':
    case 'uint': {
      const unsigned = s.kind === 'uint';
      const [min, max] = intRange(s.bits, unsigned);
      const big64 = s.bits === 64;
      const bigMin = unsigned ? 0n : -(2n ** 63n);
      const bigMax = unsigned ? 2n ** 64n - 1n : 2n ** 63n - 1n;
      const goName = s.goName;
      p.enc = (w, v) => {
        if (typeof v === 'number') {
          if (!(v >= min && v <= max) || !Number.isInteger(v)) {
            fail(`${v} is not a valid ${goName}${big64 ? ' (numbers are limited to +/-(2^53-1); use { bigint: true })' : ''}`, 'ERR_GOB_RANGE');
          }
          if (unsigned) w.uint(v);
          else w.int(v);
        } else if (typeof v === 'bigint') {
          if (v < bigMin || v > bigMax || (!big64 && (v < BigInt(min) || v > BigInt(max)))) fail(`${v} is not a valid ${goName}`, 'ERR_GOB_RANGE');
          if (unsigned) w.uintBig(v);
          else w.intBig(v);
        } else if (v === undefined || v === null) {
          w.byte(0);
        } else {
          fail(`expected ${goName} (number or bigint), got ${describe(v)}`);
        }
      };
      p.zero = (v) => v === 0 || v === 0n || v === undefined || v === null;
      return;
    }
    case 'float': {
      const f32 = s.bits === 32;
      p.enc = (w, v) => {
        if (typeof v !== 'number') {
          if (v === undefined || v === null) return w.byte(0);
          fail(`expected number, got ${describe(v)}`);
        }
        if (f32) {
          if (Math.abs(v) > MAX_F32 && Number.isFinite(v)) fail(`${v} overflows float32`, 'ERR_GOB_RANGE');
          w.float(Math.fround(v));
        } else {
          w.float(v);
        }
      };
      p.zero = (v) => v === 0 || v === undefined || v === null;
      return;
    }
    case 'complex': {
      const f32 = s.bits === 64;
      const part = (x: unknown): number => {
        if (x === undefined) return 0;
        if (typeof x !== 'number') fail(`expected complex { re, im } numbers, got ${describe(x)}`);
        if (f32) {
          if (Math.abs(x) > MAX_F32 && Number.isFinite(x)) fail(`${x} overflows float32`, 'ERR_GOB_RANGE');
          return Math.fround(x);
        }
        return x;
      };
      p.enc = (w, v) => {
        if (v === undefined || v === null) {
          w.byte(0);
          w.byte(0);
          return;
        }
        if (typeof v !== 'object') fail(`expected complex { re, im }, got ${describe(v)}`);
        w.float(part(v.re));
        w.float(part(v.im));
      };
      p.zero = (v) => v === undefined || v === null || (v.re === 0 && v.im === 0) || (v.re === undefined && v.im === undefined);
      return;
    }
    case 'string':
      if (s.raw) {
        p.enc = (w, v) => {
          if (v instanceof Uint8Array) w.bytes(v);
          else if (v === undefined || v === null) w.byte(0);
          else fail(`expected Uint8Array (raw string), got ${describe(v)}`);
        };
      } else {
        p.enc = (w, v) => {
          if (typeof v === 'string') w.string(v);
          else if (v === undefined || v === null) w.byte(0);
          else fail(`expected string, got ${describe(v)}`);
        };
      }
      p.zero = (v) => v === undefined || v === null || v.length === 0;
      return;
    case 'bytes':
      p.enc = (w, v) => {
        if (v instanceof Uint8Array) w.bytes(v);
        else if (v === undefined || v === null) w.byte(0);
        else fail(`expected Uint8Array, got ${describe(v)}`);
      };
      p.zero = (v) => v === undefined || v === null || v.length === 0;
      return;
    case 'slice':
    case 'array': {
      const ep = plan(s.elem);
      const isArray = s.kind === 'array';
      const len = isArray ? s.len : 0;
      const elemIsPtr = resolve(s.elem).kind === 'ptr';
      p.enc = (w, v) => {
        if (v === undefined || v === null) {
          if (!isArray) return w.byte(0);
          v = emptyBytes;
        } else if (!Array.isArray(v) && !ArrayBuffer.isView(v)) {
          fail(`expected array, got ${describe(v)}`);
        }
        const n: number = isArray ? len : v.length;
        if (isArray && v !== emptyBytes && v.length !== len) fail(`array of length ${len} given ${v.length} elements`);
        w.uint(n);
        for (let i = 0; i < n; i++) {
          const e = v[i];
          if (elemIsPtr && (e === null || (e === undefined && v !== emptyBytes))) fail('encodeArray: nil element', 'ERR_GOB_NIL');
          try {
            ep.enc(w, e);
          } catch (err) {
            throw withPath(err, `[${i}]`);
          }
        }
      };
      p.zero = isArray ? () => false : (v) => v === undefined || v === null || v.length === 0;
      return;
    }
    case 'map': {
      const kp = plan(s.key);
      const vp = plan(s.elem);
      const keyIsPtr = resolve(s.key).kind === 'ptr';
      const elemIsPtr = resolve(s.elem).kind === 'ptr';
      const entry = (w: Writer, k: unknown, e: unknown): void => {
        if ((keyIsPtr && (k === null || k === undefined)) || (elemIsPtr && (e === null || e === undefined))) {
          fail('encodeReflectValue: nil element', 'ERR_GOB_NIL');
        }
        try {
          kp.enc(w, k);
          vp.enc(w, e);
        } catch (err) {
          throw withPath(err, `[${typeof k === 'string' ? JSON.stringify(k) : String(k)}]`);
        }
      };
      p.enc = (w, v) => {
        if (v === undefined || v === null) return w.byte(0);
        if (v instanceof Map) {
          w.uint(v.size);
          for (const [k, e] of v) entry(w, k, e);
        } else if (typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
          const keys = Object.keys(v);
          w.uint(keys.length);
          for (const k of keys) entry(w, k, v[k]);
        } else {
          fail(`expected Map, got ${describe(v)}`);
        }
      };
      p.zero = (v) => v === undefined || v === null;
      return;
    }
    case 'ptr': {
      const ep = plan(s.elem);
      p.enc = (w, v) => ep.enc(w, v);
      let base = resolve(s.elem);
      while (base.kind === 'ptr') base = resolve(base.elem);
      // a pointer to a GobEncoder is itself the GobEncoder: only nil is zero
      p.zero = base.kind === 'marshaler' ? (v) => v === undefined || v === null : (v) => v === undefined || v === null || ep.zero(v);
      return;
    }
    case 'interface':
      p.enc = (w, v) => active!.encodeInterface(w, s, v);
      p.zero = (v) => v === undefined || v === null;
      return;
    case 'struct':
      compileStruct(s, p);
      return;
    case 'marshaler':
      compileMarshaler(s, p);
      return;
    case 'func':
    case 'chan':
      p.enc = () => fail(`gob NewTypeObject can't handle type: ${goString(s)}`);
      p.zero = () => true;
      return;
    default:
      throw new GobError(`gob: unknown schema kind ${(s as Schema).kind}`, 'ERR_GOB_SCHEMA');
  }
}

function compileMarshaler(s: MarshalerSchema, p: Plan): void {
  p.enc = (w, v) => {
    let bytes: unknown;
    try {
      bytes = s.encode(v);
    } catch (e) {
      throw new GobEncodeError(`gob: ${s.name}.${s.via === 'GobEncoder' ? 'GobEncode' : 'MarshalBinary'}: ${e instanceof Error ? e.message : String(e)}`, 'ERR_GOB_ENCODE', '', { cause: e });
    }
    if (!(bytes instanceof Uint8Array)) fail(`${s.name} encoder must return a Uint8Array`);
    w.bytes(bytes);
  };
  p.zero = s.ptrReceiver ? () => false : (v) => v === undefined || v === null || s.isZero(v);
}

/** Fast paths for the most common field kinds. */
const enum F {
  Other = 0,
  String = 1,
  Bytes = 2,
  Int = 3,
}

function compileStruct(s: StructSchema, p: Plan): void {
  const sent = s.fields.filter((f) => f.sent);
  const names = sent.map((f) => f.name);
  const n = sent.length;
  const noExported = s.fields.length > 0 && n === 0;
  let plans: Plan[] | undefined;
  let fast: F[] = [];
  const init = (): Plan[] => {
    plans = sent.map((f) => plan(f.schema));
    fast = sent.map((f) => {
      const r = resolve(f.schema);
      if (r.kind === 'string' && !r.raw) return F.String;
      if (r.kind === 'bytes') return F.Bytes;
      if (r.kind === 'int' && r.bits === 64 && !r.bigint) return F.Int;
      return F.Other;
    });
    return plans;
  };
  const label = s.name !== '' ? `${s.pkg}.${s.name}` : goString(s);
  p.enc = (w, v) => {
    if (noExported) fail(`type ${label} has no exported fields`);
    if (v === undefined || v === null) {
      w.byte(0);
      return;
    }
    if (typeof v !== 'object') fail(`expected object for struct ${label}, got ${describe(v)}`);
    const ps = plans ?? init();
    let last = -1;
    for (let i = 0; i < n; i++) {
      const x = v[names[i]!];
      switch (fast[i]) {
        case F.String:
          if (typeof x === 'string') {
            if (x.length === 0) continue;
            w.uint(i - last);
            last = i;
            w.string(x);
            continue;
          }
          break;
        case F.Bytes:
          if (x instanceof Uint8Array) {
            if (x.length === 0) continue;
            w.uint(i - last);
            last = i;
            w.bytes(x);
            continue;
          }
          break;
        case F.Int:
          if (typeof x === 'number' && Number.isSafeInteger(x)) {
            if (x === 0) continue;
            w.uint(i - last);
            last = i;
            w.int(x);
            continue;
          }
          break;
      }
      const fp = ps[i]!;
      if (fp.zero(x)) continue;
      w.uint(i - last);
      last = i;
      try {
        fp.enc(w, x);
      } catch (err) {
        throw withPath(err, `.${names[i]}`);
      }
    }
    w.byte(0);
  };
  p.zero = () => false;
}

function withPath(err: unknown, seg: string): unknown {
  if (err instanceof GobEncodeError) {
    const path = seg + err.path;
    const e = new GobEncodeError(err.message.replace(/ \(at [^)]*\)$/, ''), err.code, path, { cause: err.cause });
    return e;
  }
  return err;
}
