import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import {
  Decoder, Encoder, EOF, GO_ZERO_TIME, GO_ZERO_TIME_MS, GobDecodeError, GobEncodeError, GobError, IdSpace, Registry,
  StreamDecoder, isExported, t, type Infer, type Schema,
} from '@tslambda/gob';
import { hex, loadVectorFiles, unhex } from './vectors.js';

const Point = t.struct('Point', { X: t.int(), Y: t.int() });
const POINT_STREAM = '1fff8103010105506f696e7401ff82000102010158010400010159010400000007ff82012c014200';

function roundTrip<S extends Schema<unknown>>(schema: S, value: Infer<S>): Infer<S> {
  const dec = new Decoder();
  dec.push(new Encoder().encode(schema, value));
  const r = dec.tryDecode(schema);
  expect(r).toBeDefined();
  return r!.value;
}

function decodeErr(fn: () => unknown): GobDecodeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GobDecodeError);
    return e as GobDecodeError;
  }
  throw new Error('expected a GobDecodeError');
}

function encodeErr(fn: () => unknown): GobEncodeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GobEncodeError);
    return e as GobEncodeError;
  }
  throw new Error('expected a GobEncodeError');
}

describe('isExported (Go: the first rune is an upper-case letter)', () => {
  test('agrees with /^\\p{Lu}/u on every first code point, ASCII fast path included', () => {
    const rule = /^\p{Lu}/u;
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x3000 ? 1 : 97) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const name = String.fromCodePoint(cp) + 'x';
      expect(isExported(name), `U+${cp.toString(16)}`).toBe(rule.test(name));
    }
    expect([isExported(''), isExported('X'), isExported('x'), isExported('_X'), isExported('Ärger'), isExported('ärger'), isExported('𝐀b')]).toEqual([
      false, true, false, false, true, false, true,
    ]);
  });
});

describe('integers', () => {
  test('64-bit kinds are numbers checked to ±(2^53−1)', () => {
    expect(roundTrip(t.int64(), Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(roundTrip(t.int64(), -Number.MAX_SAFE_INTEGER)).toBe(-Number.MAX_SAFE_INTEGER);
    expect(encodeErr(() => new Encoder().encode(t.int64(), 2 ** 53)).code).toBe('ERR_GOB_RANGE');
    expect(encodeErr(() => new Encoder().encode(t.uint(), -1)).code).toBe('ERR_GOB_RANGE');
    expect(encodeErr(() => new Encoder().encode(t.int(), 1.5)).code).toBe('ERR_GOB_RANGE');
    // Go int64 min on the wire decodes into a number schema: typed range error with offset
    const dec = new Decoder();
    dec.push(new Encoder().encode(t.int64({ bigint: true }), -(2n ** 63n)));
    const e = decodeErr(() => dec.tryDecode(t.int64()));
    expect(e.code).toBe('ERR_GOB_RANGE');
    expect(e.offset).toBeGreaterThan(0);
  });

  test('{ bigint: true } keeps the full 64-bit range', () => {
    for (const v of [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n]) expect(roundTrip(t.int64({ bigint: true }), v)).toBe(v);
    for (const v of [0n, 2n ** 64n - 1n, 2n ** 53n + 1n]) expect(roundTrip(t.uint64({ bigint: true }), v)).toBe(v);
    expect(encodeErr(() => new Encoder().encode(t.uint64({ bigint: true }), 2n ** 64n)).code).toBe('ERR_GOB_RANGE');
    expect(encodeErr(() => new Encoder().encode(t.int64({ bigint: true }), 2n ** 63n)).code).toBe('ERR_GOB_RANGE');
  });

  test('widths convert with range checks like Go', () => {
    const dec = new Decoder();
    dec.push(new Encoder().encode(t.int(), 200));
    expect(decodeErr(() => dec.tryDecode(t.int8())).code).toBe('ERR_GOB_RANGE');
    const enc = new Encoder();
    dec.push(enc.encode(t.int(), 100));
    expect(dec.tryDecode(t.int8())?.value).toBe(100);
    expect(encodeErr(() => new Encoder().encode(t.uint8(), 256)).code).toBe('ERR_GOB_RANGE');
    expect(encodeErr(() => new Encoder().encode(t.int16(), -32769)).code).toBe('ERR_GOB_RANGE');
    // signed and unsigned do not mix
    const d2 = new Decoder();
    d2.push(new Encoder().encode(t.uint(), 1));
    expect(decodeErr(() => d2.tryDecode(t.int())).code).toBe('ERR_GOB_TYPE_MISMATCH');
  });
});

describe('floats, strings, bytes', () => {
  test('NaN payload bits survive', () => {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setBigUint64(0, 0x7ff8000000000001n);
    const bytes = new Encoder().encode(t.float64(), dv.getFloat64(0));
    expect(hex(bytes)).toBe('0b0800f8010000000000f87f'); // basic/float64/NaN-go
    const dec = new Decoder();
    dec.push(bytes);
    const back = new DataView(new ArrayBuffer(8));
    back.setFloat64(0, dec.tryDecode(t.float64())!.value);
    expect(back.getBigUint64(0)).toBe(0x7ff8000000000001n);
  });

  test('float32 values are rounded and checked', () => {
    expect(roundTrip(t.float32(), 0.1)).toBe(Math.fround(0.1));
    expect(encodeErr(() => new Encoder().encode(t.float32(), 1e300)).code).toBe('ERR_GOB_RANGE');
    expect(roundTrip(t.float32(), Infinity)).toBe(Infinity);
    expect(roundTrip(t.complex64(), { re: 0.1, im: -2 })).toEqual({ re: Math.fround(0.1), im: -2 });
  });

  test('strings: UTF-8, BOM kept, raw mode', () => {
    for (const s of ['', 'a', '\ufeffbom', 'héllo wörld', '😀'.repeat(50), 'x'.repeat(70000)]) expect(roundTrip(t.string(), s)).toBe(s);
    const raw = new Uint8Array([0xff, 0xfe, 0x41]);
    expect(roundTrip(t.string({ raw: true }), raw)).toEqual(raw);
  });

  test('decoded bytes alias the input unless copyBytes', () => {
    const bytes = new Encoder().encode(t.bytes(), new Uint8Array([1, 2, 3]));
    const dec = new Decoder();
    dec.push(bytes);
    const v = dec.tryDecode(t.bytes())!.value;
    expect(v.buffer).toBe(bytes.buffer);
    const dc = new Decoder({ copyBytes: true });
    dc.push(bytes);
    const c = dc.tryDecode(t.bytes())!.value;
    expect(c.buffer).not.toBe(bytes.buffer);
    expect([...c]).toEqual([1, 2, 3]);
  });
});

test('copies are real copies when the input is a Node Buffer (Buffer#slice is a view)', () => {
  const Raw = t.marshaler<Uint8Array>({ name: 'Raw', encode: (b) => b, decode: (b) => b });
  const S = t.struct('S', { B: t.bytes(), R: t.string({ raw: true }), M: Raw });
  const chunk = Buffer.from(new Encoder().encode(S, { B: new Uint8Array([1, 2, 3]), R: new Uint8Array([0xff, 0x41]), M: new Uint8Array([9, 8]) }));
  const dec = new Decoder({ copyBytes: true });
  dec.push(chunk);
  const v = dec.tryDecode(S)!.value;
  chunk.fill(0);
  expect([...v.B, ...v.R, ...v.M]).toEqual([1, 2, 3, 0xff, 0x41, 9, 8]);
  expect(Buffer.isBuffer(v.B)).toBe(false);
});

describe('composites', () => {
  test('maps: Map or plain object in, Map (or null) out', () => {
    const M = t.map(t.string(), t.int());
    expect(roundTrip(M, new Map([['a', 1]]))).toEqual(new Map([['a', 1]]));
    const enc = new Encoder();
    const dec = new Decoder();
    dec.push(enc.encode(M, { a: 1, b: 2 } as never));
    expect(dec.tryDecode(M)?.value).toEqual(new Map([['a', 1], ['b', 2]]));
    const S = t.struct('S', { M });
    expect(roundTrip(S, { M: null })).toEqual({ M: null });
  });

  test('arrays need their exact length', () => {
    expect(roundTrip(t.array(3, t.int()), [1, 2, 3])).toEqual([1, 2, 3]);
    expect(encodeErr(() => new Encoder().encode(t.array(3, t.int()), [1, 2])).code).toBe('ERR_GOB_ENCODE');
  });

  test('pointers: null fields are omitted; a top-level nil pointer is an error', () => {
    const S = t.struct('S', { P: t.ptr(Point), N: t.ptr(t.int()) });
    expect(roundTrip(S, { P: null, N: null })).toEqual({ P: null, N: null });
    expect(roundTrip(S, { P: { X: 1, Y: 0 }, N: 5 })).toEqual({ P: { X: 1, Y: 0 }, N: 5 });
    expect(encodeErr(() => new Encoder().encode(t.ptr(Point), null)).code).toBe('ERR_GOB_NIL');
    expect(encodeErr(() => new Encoder().encode(t.slice(t.ptr(Point)), [null])).code).toBe('ERR_GOB_NIL');
  });

  test('recursive types with t.lazy', () => {
    interface Tree { Val: number; Left: Tree | null; Right: Tree | null }
    const Tree: Schema<Tree> = t.struct('Tree', {
      Val: t.int(),
      Left: t.ptr(t.lazy((): Schema<Tree> => Tree)),
      Right: t.ptr(t.lazy((): Schema<Tree> => Tree)),
    });
    const v: Tree = { Val: 1, Left: { Val: 2, Left: null, Right: null }, Right: null };
    expect(hex(new Encoder().encode(Tree, v)).startsWith('2fff81030101045472656501ff82')).toBe(true);
    expect(roundTrip(Tree, v)).toEqual(v);
  });

  test('encode errors carry the path', () => {
    const S = t.struct('S', { Items: t.slice(t.struct('I', { N: t.int8() })) });
    const e = encodeErr(() => new Encoder().encode(S, { Items: [{ N: 1 }, { N: 300 }] }));
    expect(e.path).toBe('.Items[1].N');
    expect(e.code).toBe('ERR_GOB_RANGE');
  });

  test('a failed encode leaves the stream unchanged', () => {
    const S = t.struct('S', { N: t.int8() });
    const enc = new Encoder();
    const e = encodeErr(() => enc.encode(S, { N: 1000 }));
    expect(e.partial.length).toBeGreaterThan(0); // the definition Go would have written
    const ok = enc.encode(S, { N: 1 });
    const dec = new Decoder();
    dec.push(ok);
    expect(dec.tryDecode(S)?.value).toEqual({ N: 1 });
  });

  test('two different schemas with one Go name are refused in one id space', () => {
    const enc = new Encoder();
    enc.encode(Point, { X: 1, Y: 2 });
    const Other = t.struct('Point', { X: t.int(), Z: t.string() });
    expect(encodeErr(() => enc.encode(t.slice(Other), [])).code).toBe('ERR_GOB_SCHEMA');
    expect(() => new Encoder().encode(Other, { X: 1, Z: '' })).not.toThrow();
    const Same = t.struct('Point', { X: t.int(), Y: t.int() });
    expect(hex(enc.encode(Same, { X: 22, Y: 33 }))).toBe('07ff82012c014200');
  });

  test('only exported fields are sent', () => {
    const S = t.struct('S', { A: t.int(), b: t.int(), F: t.func() });
    expect(roundTrip(S, { A: 1, b: 2, F: undefined })).toEqual({ A: 1, b: 0, F: null });
    expect(encodeErr(() => new Encoder().encode(t.struct('U', { a: t.int() }), { a: 1 })).message).toMatch(/no exported fields/);
    expect(() => t.slice(t.uint8())).toThrow(GobError);
  });
});

describe('interfaces', () => {
  const Circle = t.struct('Circle', { R: t.float64() });
  const Square = t.struct('Square', { S: t.float64() });
  const Holder = t.struct('Holder', { A: t.int(), S: t.interface({ 'main.Circle': Circle, sq: Square }), B: t.int() });

  test('typed registry, Go bytes', () => {
    const v: Infer<typeof Holder> = { A: 1, S: { type: 'main.Circle', value: { R: 5 } }, B: 2 };
    expect(hex(new Encoder().encode(Holder, v))).toBe(
      '26ff8103010106486f6c64657201ff8200010301014101040001015301100001014201040000002bff820102010b6d61696e2e436972636c65ff8303010106436972636c6501ff8400010101015201080000000bff840501fe144000010400',
    );
    expect(roundTrip(Holder, v)).toEqual(v);
    expect(roundTrip(Holder, { A: 0, S: null, B: 0 })).toEqual({ A: 0, S: null, B: 0 });
  });

  test('unregistered names are refused both ways', () => {
    const e = encodeErr(() => new Encoder().encode(Holder, { A: 0, S: { type: 'main.Nope', value: {} } as never, B: 0 }));
    expect(e.code).toBe('ERR_GOB_UNREGISTERED');
    const reg = new Registry().register('main.Circle', Circle).register('main.Other', t.struct('Other', { Q: t.int() }));
    const Wide = t.struct('Holder', { A: t.int(), S: t.interface(reg), B: t.int() });
    const dec = new Decoder();
    dec.push(new Encoder().encode(Wide, { A: 0, S: { type: 'main.Other', value: { Q: 1 } }, B: 0 }));
    expect(decodeErr(() => dec.tryDecode(Holder)).code).toBe('ERR_GOB_UNREGISTERED');
  });
});

describe('time', () => {
  test('Date round trip and Go bytes', () => {
    const d = new Date('2009-11-10T23:00:00Z');
    expect(hex(new Encoder().encode(t.time(), d))).toBe('10ff810501010454696d6501ff8200000013ff82000f010000000ec28be77000000000ffff');
    expect(roundTrip(t.time(), d)).toEqual(d);
    expect(roundTrip(t.time(), new Date(1700000000123))).toEqual(new Date(1700000000123));
  });

  test('zero time fields are omitted and decode as Go zero time', () => {
    const Ev = t.struct('Event', { Name: t.string(), When: t.time() });
    const bytes = new Encoder().encode(Ev, { Name: 'x', When: new Date(GO_ZERO_TIME_MS) });
    const dec = new Decoder();
    dec.push(bytes);
    expect(dec.tryDecode(Ev)?.value).toEqual({ Name: 'x', When: new Date(GO_ZERO_TIME_MS) });
  });

  test('precise GoTime keeps nanoseconds and zones: Go bytes round-trip', () => {
    const vectors = loadVectorFiles().flatMap((f) => f.vectors).filter((v) => v.kind === 'encode' && v.encodeType === 'time.Time');
    expect(vectors.length).toBeGreaterThan(0);
    const T = t.time({ precise: true });
    for (const v of vectors) {
      const dec = new Decoder();
      dec.push(unhex(v.hex));
      const value = dec.tryDecode(T)!.value;
      expect(hex(new Encoder().encode(T, value)), v.name).toBe(v.hex);
    }
    const when = { seconds: 1257894000, nanos: 123456789, offset: -17762 };
    expect(roundTrip(T, when)).toEqual(when);
    const Ev = t.struct('Event', { When: T });
    expect(roundTrip(Ev, { When: { ...GO_ZERO_TIME } })).toEqual({ When: GO_ZERO_TIME });
  });

  test('a pointer to a zero time is sent (the pointer is the GobEncoder), a zero time value is not', () => {
    const Ev = t.struct('Event', { When: t.time(), At: t.ptr(t.time()) });
    const zero = new Date(GO_ZERO_TIME_MS);
    const bytes = new Encoder().encode(Ev, { When: zero, At: zero });
    expect(hex(bytes).endsWith('02' + '0f01000000000000000000000000ffff' + '00')).toBe(true);
    expect(roundTrip(Ev, { When: zero, At: zero })).toEqual({ When: zero, At: zero });
    expect(roundTrip(Ev, { When: zero, At: null })).toEqual({ When: zero, At: null });
  });

  test('bad time bytes are a typed error', () => {
    const dec = new Decoder();
    dec.push(unhex('10ff810501010454696d6501ff8200000004ff820000'));
    expect(decodeErr(() => dec.tryDecode(t.time())).code).toBe('ERR_GOB_MARSHALER');
  });
});

describe('decoder stream behaviour', () => {
  test('byte-at-a-time input', () => {
    const dec = new Decoder();
    const bytes = unhex(POINT_STREAM);
    for (let i = 0; i < bytes.length - 1; i++) {
      dec.push(bytes.subarray(i, i + 1));
      expect(dec.tryDecode(Point)).toBeUndefined();
    }
    dec.push(bytes.subarray(bytes.length - 1));
    expect(dec.tryDecode(Point)?.value).toEqual({ X: 22, Y: 33 });
    dec.end();
  });

  test('end() inside a message is a truncation error; empty input is a clean end', () => {
    const dec = new Decoder();
    dec.push(unhex(POINT_STREAM).subarray(0, 10));
    expect(decodeErr(() => dec.end()).code).toBe('ERR_GOB_TRUNCATED');
    const clean = new Decoder();
    clean.end();
    expect(clean.tryDecode(Point)).toBeUndefined();
    const defsOnly = new Decoder();
    defsOnly.push(unhex(POINT_STREAM).subarray(0, 32));
    expect(defsOnly.tryDecode(Point)).toBeUndefined();
    expect(decodeErr(() => defsOnly.end()).code).toBe('ERR_GOB_TRUNCATED');
  });

  test('a value error drops that value and the stream continues (net/rpc bad arguments)', () => {
    const enc = new Encoder();
    const dec = new Decoder();
    dec.push(enc.encode(t.int(), 7));
    dec.push(enc.encode(Point, { X: 1, Y: 2 }));
    expect(decodeErr(() => dec.tryDecode(Point)).code).toBe('ERR_GOB_TYPE_MISMATCH');
    expect(dec.broken).toBeUndefined();
    expect(dec.tryDecode(Point)?.value).toEqual({ X: 1, Y: 2 });
    const bad = new Decoder();
    bad.push(unhex('f9ffffffffffffffffff'));
    const e = decodeErr(() => bad.tryDecode(Point));
    expect(bad.broken).toBe(e);
    expect(() => bad.push(new Uint8Array(1))).toThrow(e);
  });

  test('schemaless decoding reports wire types', () => {
    const dec = new Decoder();
    dec.push(unhex(POINT_STREAM));
    const r = dec.tryDecodeAny()!;
    expect(r.value).toEqual({ X: 22, Y: 33 });
    expect(r.type.kind).toBe('struct');
    expect(r.type.name).toBe('Point');
    expect(r.type.toString()).toBe('Point');
    expect(r.type.fieldType(0)?.kind).toBe('int');
  });

  test('skipping', () => {
    const enc = new Encoder();
    const dec = new Decoder();
    dec.push(enc.encode(Point, { X: 1, Y: 2 }));
    dec.push(enc.encode(t.string(), 'after'));
    expect(dec.trySkip()).toBe(true);
    expect(dec.tryDecode(t.string())?.value).toBe('after');
    expect(dec.trySkip()).toBe(false);
  });

  test('shared id space reproduces one Go process', () => {
    const ids = new IdSpace();
    const a = new Encoder({ ids });
    const b = new Encoder({ ids });
    a.encode(Point, { X: 0, Y: 0 });
    expect(hex(b.encode(t.struct('Other', { Z: t.int() }), { Z: 1 }))).toContain('ff83'); // id 66 (-66 definition)
  });
});

describe('StreamDecoder', () => {
  test('reads a Node stream split anywhere, EOF at a clean end', async () => {
    const bytes = unhex(POINT_STREAM + '07ff82012c014200');
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 35), bytes.subarray(35)];
    const r = new StreamDecoder(Readable.from(chunks));
    expect(await r.decode(Point)).toEqual({ X: 22, Y: 33 });
    expect(await r.decode(Point)).toEqual({ X: 22, Y: 33 });
    expect(await r.decode(Point)).toBe(EOF);
  });

  test('rejects with a truncation error mid-message', async () => {
    const r = new StreamDecoder(Readable.from([unhex(POINT_STREAM).subarray(0, 36)]));
    await expect(r.decode(Point)).rejects.toMatchObject({ name: 'GobDecodeError', code: 'ERR_GOB_TRUNCATED' });
  });

  test('values() iterates, skip() and decodeAny() work, web ReadableStream accepted', async () => {
    const enc = new Encoder();
    const parts = [enc.encode(Point, { X: 1, Y: 1 }), enc.encode(Point, { X: 2, Y: 2 }), enc.encode(Point, { X: 3, Y: 3 })];
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(p);
        c.close();
      },
    });
    const r = new StreamDecoder(web);
    expect(await r.skip()).toBe(true);
    const any = await r.decodeAny();
    expect(any !== EOF && any.value).toEqual({ X: 2, Y: 2 });
    const rest = [];
    for await (const p of r.values(Point)) rest.push(p);
    expect(rest).toEqual([{ X: 3, Y: 3 }]);
  });
});

test('small results share a slab but never overlap or change', () => {
  const enc = new Encoder();
  const results = Array.from({ length: 3000 }, (_, i) => enc.encode(t.string(), `value ${i}`));
  results.forEach((r, i) => {
    const d = new Decoder();
    d.push(r);
    expect(d.tryDecode(t.string())?.value).toBe(`value ${i}`);
  });
  expect(new Set(results.map((r) => r.buffer)).size).toBeLessThan(results.length);
});

describe('encodev', () => {
  const Req = t.struct('Req', { A: t.bytes(), S: t.string(), B: t.bytes(), I: t.interface({ bytes: t.bytes() }) });
  const join = (chunks: Uint8Array[]): string => chunks.map(hex).join('');

  test('chunks concatenate to the encode bytes, big slices are not copied', () => {
    const big = new Uint8Array(100_000).fill(7);
    const big2 = new Uint8Array(5000).fill(9);
    const values = [
      { A: big, S: 'x', B: big2, I: { type: 'bytes' as const, value: big2 } },
      { A: new Uint8Array(3), S: '', B: new Uint8Array(0), I: null },
      { A: big, S: 'y'.repeat(300), B: new Uint8Array(0), I: null },
    ];
    const a = new Encoder();
    const b = new Encoder();
    for (const v of values) {
      const chunks = b.encodev(Req, v);
      expect(join(chunks)).toBe(hex(a.encode(Req, v)));
      if (v.A === big) expect(chunks).toContain(big);
    }
    const c = new Encoder();
    const dec = new Decoder();
    for (const v of values) for (const chunk of c.encodev(Req, v)) dec.push(chunk);
    for (const v of values) expect(hex(dec.tryDecode(Req)!.value.A)).toBe(hex(v.A));
  });
});
