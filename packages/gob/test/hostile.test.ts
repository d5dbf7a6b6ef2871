import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decoder, Encoder, GobDecodeError, t, type Schema } from '@tslambda/gob';
import { loadVectorFiles, unhex } from './vectors.js';

const Point = t.struct('Point', { X: t.int(), Y: t.int() });
const Circle = t.struct('Circle', { R: t.float64() });
const Holder = t.struct('Holder', { A: t.int(), S: t.interface({ 'main.Circle': Circle }), B: t.int() });
const InvokeRequest = t.struct('InvokeRequest', {
  Payload: t.bytes(), RequestId: t.string(), XAmznTraceId: t.string(),
  Deadline: t.struct('InvokeRequest_Timestamp', { Seconds: t.int64(), Nanos: t.int64() }, { pkg: 'messages' }),
  InvokedFunctionArn: t.string(), CognitoIdentityId: t.string(), CognitoIdentityPoolId: t.string(), ClientContext: t.bytes(),
}, { pkg: 'messages' });
const targets: (Schema | 'any' | 'skip')[] = [Point, Holder, InvokeRequest, t.map(t.string(), t.slice(t.int())), t.time(), 'any', 'skip'];

/** Decodes everything in `bytes`; only GobDecodeError may escape. Returns the number of values. */
function decodeAll(bytes: Uint8Array, target: Schema | 'any' | 'skip', options = {}): number {
  const dec = new Decoder(options);
  let n = 0;
  try {
    dec.push(bytes);
    dec.end();
    for (;;) {
      const r = target === 'any' ? dec.tryDecodeAny() : target === 'skip' ? dec.trySkip() || undefined : dec.tryDecode(target);
      if (!r) return n;
      n++;
    }
  } catch (e) {
    if (!(e instanceof GobDecodeError)) throw e;
    expect(typeof e.code).toBe('string');
    expect(Number.isInteger(e.offset)).toBe(true);
    return n;
  }
}

const seeds = loadVectorFiles()
  .flatMap((f) => f.vectors)
  .map((v) => String(v.hex ?? ''))
  .filter((h) => h.length > 0 && h.length < 4000)
  .map(unhex);

describe('fuzzing', () => {
  test('random bytes never crash or hang the decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...targets), (bytes, target) => {
        decodeAll(bytes, target);
      }),
      { numRuns: 300 },
    );
  });

  test('mutated vector bytes never crash or hang the decoder', () => {
    const mutation = fc.record({
      seed: fc.nat({ max: seeds.length - 1 }),
      edits: fc.array(
        fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'insert', 'delete', 'cut'), byte: fc.constantFrom(0, 1, 0x7f, 0x80, 0xf8, 0xfe, 0xff, 0x41) }),
        { minLength: 1, maxLength: 4 },
      ),
      target: fc.constantFrom(...targets),
    });
    fc.assert(
      fc.property(mutation, ({ seed, edits, target }) => {
        const b = [...seeds[seed]!];
        for (const e of edits) {
          const at = b.length === 0 ? 0 : e.at % b.length;
          if (e.kind === 'set') b[at] = e.byte;
          else if (e.kind === 'insert') b.splice(at, 0, e.byte);
          else if (e.kind === 'delete') b.splice(at, 1);
          else b.length = at;
        }
        decodeAll(new Uint8Array(b), target);
      }),
      { numRuns: 300 },
    );
  });

  test('encode then decode gives the value back (struct of every kind)', () => {
    const All = t.struct('All', {
      B: t.bool(), I: t.int(), I8: t.int8(), U16: t.uint16(), U64: t.uint64({ bigint: true }), F: t.float64(),
      S: t.string(), Bs: t.bytes(), L: t.slice(t.int32()), M: t.map(t.string(), t.bool()), P: t.ptr(Point),
      A: t.array(2, t.string()),
    });
    const value = fc.record({
      B: fc.boolean(),
      I: fc.maxSafeInteger(),
      I8: fc.integer({ min: -128, max: 127 }),
      U16: fc.integer({ min: 0, max: 65535 }),
      U64: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
      F: fc.double({ noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
      S: fc.string({ unit: 'grapheme', maxLength: 50 }),
      Bs: fc.uint8Array({ maxLength: 40 }),
      L: fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 10 }),
      M: fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.boolean()), { maxLength: 5 }).map((e) => (e.length ? new Map(e) : null)),
      P: fc.option(fc.record({ X: fc.maxSafeInteger(), Y: fc.integer() }), { nil: null }),
      A: fc.tuple(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })),
    });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), (values) => {
        const enc = new Encoder();
        const dec = new Decoder();
        for (const v of values) dec.push(enc.encode(All, v as never));
        for (const v of values) expect(dec.tryDecode(All)?.value).toEqual(v);
      }),
      { numRuns: 150 },
    );
  });
});

describe('chunking', () => {
  test('any split of a stream decodes the same (interfaces spanning messages included)', () => {
    const Shape = t.interface({ 'main.Circle': Circle, 'main.Point': Point });
    const Item = t.struct('Item', { Name: t.string(), S: Shape, Tags: t.slice(t.string()), Data: t.bytes() });
    const item = fc.record({
      Name: fc.string({ maxLength: 20 }),
      S: fc.oneof(
        fc.constant(null),
        fc.record({ type: fc.constant('main.Circle' as const), value: fc.record({ R: fc.double({ noNaN: true, min: -1e6, max: 1e6 }) }) }),
        fc.record({ type: fc.constant('main.Point' as const), value: fc.record({ X: fc.integer(), Y: fc.integer() }) }),
      ),
      Tags: fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
      Data: fc.uint8Array({ maxLength: 3000 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 8 }), (items, cuts) => {
        const enc = new Encoder();
        const parts = items.map((v) => enc.encode(Item, v as never));
        const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          all.set(p, at);
          at += p.length;
        }
        const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
        const dec = new Decoder();
        const out: unknown[] = [];
        let from = 0;
        for (const p of [...points, all.length]) {
          dec.push(all.subarray(from, p));
          from = p;
          for (let r; (r = dec.tryDecode(Item)); ) out.push(r.value);
        }
        dec.end();
        expect(out).toEqual(items.map((v) => ({ ...v, S: v.S === null ? null : { ...v.S, value: { ...v.S.value, ...(v.S.type === 'main.Circle' && Object.is(v.S.value.R, -0) ? { R: 0 } : {}) } } })));
      }),
      { numRuns: 150 },
    );
  });
});

describe('hostile input', () => {
  test('no prototype pollution from field names or map keys', () => {
    // a struct type whose fields are named __proto__ and constructor (renamed in the definition bytes)
    const def = new Encoder().encode(t.struct('Evil', { Protoxxxx: t.int(), Constructor: t.int() }), { Protoxxxx: 1, Constructor: 2 });
    const patched = Buffer.from(Buffer.from(def).toString('latin1').replace('Protoxxxx', '__proto__').replace('Constructor', 'constructor'), 'latin1');
    const dec = new Decoder();
    dec.push(new Uint8Array(patched));
    const r = dec.tryDecodeAny();
    expect(r).toBeDefined();
    const o = r!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(o, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(o, '__proto__')?.value).toBe(1);
    expect(Object.getOwnPropertyDescriptor(o, 'constructor')?.value).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const m = t.map(t.string(), t.int());
    const d2 = new Decoder();
    d2.push(new Encoder().encode(m, new Map([['__proto__', 1], ['constructor', 2]])));
    const mv = d2.tryDecode(m)!.value!;
    expect(mv.get('__proto__')).toBe(1);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  test('a huge message length is refused from its header, before the bytes arrive', () => {
    const dec = new Decoder({ maxMessageSize: 1024 });
    dec.push(unhex('fd100000')); // length 2^20
    const e = (() => {
      try {
        dec.tryDecode(Point);
      } catch (err) {
        return err as GobDecodeError;
      }
      return undefined;
    })();
    expect(e?.code).toBe('ERR_GOB_LIMIT');
    expect(e?.offset).toBe(0);
  });

  test('huge counts are refused without allocating', () => {
    // []int with count 2^62
    expect(decodeErrCode(unhex('0cff81020102ff8200010400000cff8200f84000000000000000'), t.slice(t.int()))).toBe('ERR_GOB_LIMIT');
    const dec = new Decoder({ maxElements: 10 });
    dec.push(new Encoder().encode(t.slice(t.int()), Array.from({ length: 11 }, (_, i) => i)));
    expect(() => dec.tryDecode(t.slice(t.int()))).toThrow(/exceeds the limit/);
  });

  test('nesting depth is limited', () => {
    interface N { Next: N | null }
    const Node: Schema<N> = t.struct('Node', { Next: t.ptr(t.lazy((): Schema<N> => Node)) });
    let v: N = { Next: null };
    for (let i = 0; i < 200; i++) v = { Next: v };
    const bytes = new Encoder().encode(Node, v);
    expect(decodeErrCode(bytes, Node, { maxDepth: 100 })).toBe('ERR_GOB_LIMIT');
    const dec = new Decoder({ maxDepth: 500 });
    dec.push(bytes);
    expect(dec.tryDecode(Node)).toBeDefined();
    // Go's deep interface vector (2000 levels) is refused with the default limit
    const deep = loadVectorFiles().flatMap((f) => f.vectors).find((x) => x.name === 'malformed/deep-values/interface-2000');
    if (deep) expect(decodeErrCode(unhex(deep.hex), 'any')).toBe('ERR_GOB_LIMIT');
  });

  test('allocation budget and type count are limited', () => {
    const Empty = t.struct('E', {});
    const many = new Encoder().encode(t.slice(Empty), Array.from({ length: 5000 }, () => ({})));
    expect(decodeErrCode(many, t.slice(Empty), { maxAllocation: 10_000 })).toBe('ERR_GOB_LIMIT');
    expect(decodeErrCode(many, t.slice(Empty))).toBe('ok');
    const enc = new Encoder();
    const chunks = [1, 2, 3, 4].map((i) => enc.encode(t.struct(`T${i}`, { A: t.int() }), { A: i }));
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    expect(decodeErrCode(all, 'any', { maxTypes: 2 })).toBe('ERR_GOB_LIMIT');
  });

  test('every malformed vector is handled without a crash', () => {
    const vectors = loadVectorFiles().flatMap((f) => f.vectors).filter((v) => v.kind === 'malformed');
    for (const v of vectors) for (const target of targets) decodeAll(unhex(v.hex), target);
  });
});

function decodeErrCode(bytes: Uint8Array, schema: Schema | 'any', options = {}): string {
  const dec = new Decoder(options);
  try {
    dec.push(bytes);
    let n = 0;
    while (schema === 'any' ? dec.tryDecodeAny() : dec.tryDecode(schema)) n++;
    return n > 0 ? 'ok' : 'incomplete';
  } catch (e) {
    if (e instanceof GobDecodeError) return e.code;
    throw e;
  }
}
