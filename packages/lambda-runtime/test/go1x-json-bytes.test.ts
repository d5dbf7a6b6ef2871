// go1.x writes a handler's result straight to UTF-8 bytes (src/json-bytes.ts): every output
// and every error must be exactly those of Buffer.from(serializeResult(value)).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasControl, hasEscapes, releaseBytes, serializeBytes } from '../src/json-bytes.js';
import { JSONStringifyError, ResponseSizeTooLargeError } from '../src/errors.js';
import { serializeResult } from '../src/invoke.js';

const MAX = 6_291_556;

/** What the Runtime API path sends: the bytes, or the error's name, code and message. */
function reference(value: unknown, max = MAX): { bytes: Buffer } | { error: { name: string; code: unknown; message: string } } {
  try {
    return { bytes: Buffer.from(serializeResult(value, max), 'utf8') };
  } catch (err) {
    const e = err as Error & { code?: unknown };
    return { error: { name: e.name, code: e.code, message: e.message } };
  }
}

function actual(value: unknown, max: number, likelyLarge: boolean): ReturnType<typeof reference> {
  try {
    return { bytes: serializeBytes(value, max, likelyLarge) };
  } catch (err) {
    const e = err as Error & { code?: unknown };
    return { error: { name: e.name, code: e.code, message: e.message } };
  }
}

/** Both routes (the byte writer, and native JSON.stringify after a small result) give the reference. */
function same(value: unknown, max = MAX): void {
  const want = reference(value, max);
  for (const likelyLarge of [true, false]) {
    if (!likelyLarge) serializeBytes('small', MAX, false); // the next call takes the native route
    const got = actual(value, max, likelyLarge);
    if ('bytes' in want && 'bytes' in got) expect(got.bytes.equals(want.bytes)).toBe(true);
    else expect(got).toEqual(want);
  }
}

const long = (unit: string, n = 70_000) => unit.repeat(Math.ceil(n / unit.length));

describe('serializeBytes: the bytes of JSON.stringify', () => {
  it('matches on primitives, numbers and the top-level undefined', () => {
    for (const v of [undefined, null, true, false, 0, -0, 1, -1, 9, 10, 2 ** 31, -(2 ** 31) - 1, 1.5, 1e21, 1e-7, 5e-324, NaN, Infinity, -Infinity,
      Number.MAX_SAFE_INTEGER, '', 'a', '"', '\\', '\u0000', '\u001f', '\u007f', 'é', '\ud83d\ude00', '\ud800', '\udfff', 'x\ud800y']) {
      same(v);
      same([v]);
      same({ k: v });
    }
  });

  it('matches on long strings: ASCII, Latin-1, BMP, astral, and each character JSON escapes, at every alignment', () => {
    const units = ['abcdefghij', 'é', '€', '𝄞', 'aé€𝄞'];
    for (const unit of units) {
      const s = long(unit);
      same(s);
      for (const bad of ['"', '\\', '\n', '\u0000', '\u001f', '\ud800', '\udc00', '\u2028']) {
        for (const at of [0, 1, 2, 3, 5, 1000, s.length - 1]) same(s.slice(0, at) + bad + s.slice(at));
      }
      for (let pad = 0; pad < 8; pad++) same({ ['k'.repeat(pad)]: s, n: pad });
    }
  });

  it('matches on containers: holes, undefined, functions, symbols, key order, __proto__, typed arrays, Buffers, Dates, Maps', () => {
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const withProps = Object.assign([1, 2], { extra: 'x' });
    const proto = JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as unknown;
    const obj = { b: 1, a: undefined, 2: 'two', 1: 'one', f: () => 1, s: Symbol('s'), [Symbol('k')]: 1, nested: { deep: [undefined, () => 1, Symbol('x')] } };
    Object.defineProperty(obj, 'hidden', { value: 1, enumerable: false });
    for (const v of [sparse, withProps, proto, obj, new Uint8Array([1, 2, 3]), Buffer.from('hi'), new Date(0), new Map([[1, 2]]), new Set([1]), Object.create(null), [[[]]], {}, []]) {
      same(v);
    }
  });

  it('matches on toJSON (with the key it is given), boxed primitives and BigInt', () => {
    const keys: string[] = [];
    const withToJSON = { toJSON(key: string) { keys.push(key); return { key }; } };
    same({ a: withToJSON, list: [withToJSON, withToJSON] });
    expect(keys).toEqual(['a', '0', '1', 'a', '0', '1', 'a', '0', '1']); // the reference, then both routes
    same({ n: new Number(3), s: new String('str'), b: new Boolean(false), sym: Object(Symbol('x')) as object });
    same({ n: Object.assign(new Number(1), { valueOf: () => 42 }), s: Object.assign(new String('x'), { toString: () => 'y' }) });
    same({ big: 1n });
    const fnWithToJSON = Object.assign(() => 1, { toJSON: () => 'fn' });
    same({ f: fnWithToJSON, list: [fnWithToJSON], gone: Object.assign(() => 1, { toJSON: () => undefined }) });
    same([Object(1n) as object]);
    const proto = BigInt.prototype as unknown as { toJSON?: () => string };
    proto.toJSON = function (this: bigint) { return `${this}n`; };
    try {
      same({ big: 12n, list: [1n] });
    } finally {
      delete proto.toJSON;
    }
  });

  it('reads getters and proxy traps in the same order as JSON.stringify', () => {
    const log = (sink: string[]) => new Proxy({ a: 1, b: [1, 2], c: { d: 'x' } }, {
      get(t, k, r) { sink.push(`get ${String(k)}`); return Reflect.get(t, k, r); },
      ownKeys(t) { sink.push('ownKeys'); return Reflect.ownKeys(t); },
      getOwnPropertyDescriptor(t, k) { sink.push(`gopd ${String(k)}`); return Reflect.getOwnPropertyDescriptor(t, k); },
    });
    const a: string[] = [];
    const b: string[] = [];
    const want = JSON.stringify(log(a));
    expect(serializeBytes(log(b), MAX, true).toString()).toBe(want);
    expect(b).toEqual(a);
    const arrayProxy = new Proxy([1, 'x', { y: 2 }], {});
    same(arrayProxy);
  });

  it('gives JSON.stringify\'s errors: cycles, throwing toJSON and getters, revoked proxies', () => {
    const cyclic: Record<string, unknown> = { a: { b: [1] } };
    ((cyclic.a as Record<string, unknown>).b as unknown[]).push(cyclic);
    same(cyclic);
    same({ get boom() { throw new Error('getter failed'); } });
    same({ toJSON() { throw new TypeError('toJSON failed'); } });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    same({ p: proxy });
  });

  it('serializes values nested deeper than its own recursion allows (native fallback)', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 5000; i++) deep = [deep];
    same(deep);
    let deeper: unknown = 1;
    for (let i = 0; i < 5000; i++) deeper = { k: deeper };
    same(deeper);
  });

  it('enforces the size limit with the exact UTF-8 size', () => {
    const v = { text: long('€', 1000) };
    const size = Buffer.byteLength(JSON.stringify(v));
    same(v, size);
    same(v, size - 1);
    same(long('a', 100_000), 100_001);
    same(long('a', 100_000), 100_002);
  });

  it('matches on arbitrary values (fast-check)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ maxLength: 100 }).map((s) => s.repeat(50)),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined),
        fc.array(tie('v'), { maxLength: 5 }), fc.dictionary(text, tie('v'), { maxKeys: 5 })),
    })).v;
    fc.assert(fc.property(value, (v) => same(v)), { numRuns: 300 });
  });

  it('reuses its scratch buffer without leaking one result into the next', () => {
    const a = serializeBytes({ text: long('x', 200_000) }, MAX, true);
    const b = serializeBytes({ t: 'short' }, MAX, true);
    expect(b.toString()).toBe('{"t":"short"}');
    expect(a.toString()).toBe(JSON.stringify({ text: long('x', 200_000) }));
  });

  it('lends its scratch buffers: never reused before releaseBytes, reused after', () => {
    const want = (i: number) => JSON.stringify({ i, text: long(String.fromCharCode(97 + i), 100_000 + i) });
    const held = Array.from({ length: 10 }, (_, i) => serializeBytes(JSON.parse(want(i)), MAX, true));
    // Ten results held at once: ten buffers, none overwritten by the next.
    expect(new Set(held.map((b) => b.buffer)).size).toBe(10);
    held.forEach((b, i) => expect(b.toString(), `result ${i}`).toBe(want(i)));
    // Released: its memory serves a later result.
    const first = held[0]!;
    releaseBytes(first);
    releaseBytes(first); // a second release changes nothing
    releaseBytes(Buffer.alloc(10)); // nor does an unrelated buffer
    const next = serializeBytes({ n: 1, text: long('z', 90_000) }, MAX, true);
    expect(next.buffer).toBe(first.buffer);
    const other = serializeBytes({ n: 2, text: long('w', 90_000) }, MAX, true);
    expect(other.buffer).not.toBe(first.buffer);
    expect(next.toString()).toBe(JSON.stringify({ n: 1, text: long('z', 90_000) }));
    held.slice(1).forEach((b, i) => expect(b.toString(), `result ${i + 1}`).toBe(want(i + 1)));
    for (const b of [...held.slice(1), next, other]) releaseBytes(b);
  });

  it('takes a buffer back after a failed serialization (it was never lent)', () => {
    const cyclic: Record<string, unknown> = { text: long('c', 70_000) };
    cyclic.self = cyclic;
    const a = serializeBytes({ text: long('a', 70_000) }, MAX, true);
    expect(() => serializeBytes(cyclic, MAX, true)).toThrow(JSONStringifyError);
    expect(() => serializeBytes({ text: long('b', 5000) }, 100, true)).toThrow(ResponseSizeTooLargeError);
    const b = serializeBytes({ text: long('d', 70_000) }, MAX, true);
    expect(b.buffer).not.toBe(a.buffer);
    expect(a.toString()).toBe(JSON.stringify({ text: long('a', 70_000) }));
    releaseBytes(a);
    releaseBytes(b);
  });

  it('after a large result, takes the byte writer even when not told to (same bytes)', () => {
    const keys: string[] = [];
    const probe = { toJSON(key: string) { keys.push(key); return key; } };
    serializeBytes('small', MAX, false);
    serializeBytes({ p: probe }, MAX, false); // native: toJSON once
    serializeBytes(long('x', 70_000), MAX, false); // a large result
    const bytes = serializeBytes({ p: probe, big: long('y', 70_000) }, MAX, false);
    expect(bytes.equals(Buffer.from(JSON.stringify({ p: 'p', big: long('y', 70_000) })))).toBe(true);
    expect(keys).toEqual(['p', 'p']);
  });
});

describe('hasControl and hasEscapes', () => {
  it('agree with a byte loop at every offset and alignment', () => {
    const naiveControl = (b: Uint8Array, from: number, to: number) => b.subarray(from, to).some((c) => c < 0x20);
    const naiveEscapes = (b: Uint8Array, from: number, to: number) => b.subarray(from, to).some((c) => c < 0x20 || c === 0x22 || c === 0x5c);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), fc.nat(8), fc.nat(300), fc.nat(300), fc.boolean(), (bytes, shift, x, y, clean) => {
        const raw = clean ? bytes.map((c) => 0x20 + (c % 0x5f)).map((c) => (c === 0x22 || c === 0x5c ? 0x41 : c)) : bytes;
        const host = new Uint8Array(raw.length + shift);
        host.set(raw, shift);
        const b = host.subarray(shift);
        const from = Math.min(x, y, b.length);
        const to = Math.min(Math.max(x, y), b.length);
        expect(hasControl(b, from, to)).toBe(naiveControl(b, from, to));
        expect(hasEscapes(b, from, to)).toBe(naiveEscapes(b, from, to));
      }),
      { numRuns: 300 },
    );
    // Each control byte alone, in a long clean run, at each position of a word.
    const base = Buffer.alloc(256, 'a');
    for (let c = 0; c < 0x20; c++) {
      for (let at = 100; at < 108; at++) {
        const b = Buffer.from(base);
        b[at] = c;
        expect(hasControl(b, 0, b.length)).toBe(true);
        expect(hasControl(b, at + 1, b.length)).toBe(false);
      }
    }
    for (const c of [0x20, 0x7f, 0x80, 0x9f, 0xa0, 0xff]) expect(hasControl(Buffer.alloc(256, c), 0, 256)).toBe(false);
  });
});
