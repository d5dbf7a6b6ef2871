// Live interop with Go's encoding/gob (test/go/interop/main.go): property
// tests over a rich set of Go types, in both directions.
//  (a) Go encodes a generated value -> the codec decodes it to the value (and
//      encodes the same bytes as Go, when no map has two or more entries).
//  (b) the codec encodes -> Go decodes and re-encodes the same bytes (maps:
//      the same value), and Go's view of the value equals the value.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Decoder, Encoder, GO_ZERO_TIME_MS, t, type IdSpace, type Schema } from '@tslambda/gob';
import { buildGo, GoLines, haveGo } from './helpers/go.js';
import {
  arb, expected, hasBigMap, normalize, registry, toJson, types, warmIdSpace, type Json,
} from './go/interop/types.js';

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const concat = (parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

/** Decodes every value of `bytes`, pushed in chunks of `chunk` bytes (0: all at once). */
function decodeAll(bytes: Uint8Array, schemas: Schema[], chunk: number): unknown[] {
  const dec = new Decoder();
  const out: unknown[] = [];
  const drain = (): void => {
    for (let r; out.length < schemas.length && (r = dec.tryDecode(schemas[out.length]!)); ) out.push(r.value);
  };
  const step = chunk > 0 ? chunk : bytes.length;
  for (let at = 0; at < bytes.length; at += step) {
    dec.push(bytes.subarray(at, at + step));
    drain();
  }
  dec.end();
  drain();
  expect(out.length, 'values decoded').toBe(schemas.length);
  expect(dec.buffered, 'bytes left').toBe(0);
  return out;
}

type Item = [name: string, value: unknown];
const schemaOf = (name: string): Schema => types[name]!;
const want = (name: string, v: unknown): Json => toJson(schemaOf(name), expected(schemaOf(name), v));

const hasGo = haveGo('the Go interop tests (test/interop.test.ts)');

describe.skipIf(!hasGo)('interop with Go encoding/gob', () => {
  let go: GoLines;
  let dispose = (): void => {};
  let ids: IdSpace;
  let hello: { types: string[]; registered: string[] };

  beforeAll(async () => {
    const built = buildGo('interop');
    dispose = built.dispose;
    go = new GoLines(built.bin);
    hello = await go.next();
    ids = warmIdSpace(hello.types, hello.registered);
  });
  afterAll(async () => {
    await go?.close();
    dispose();
  });

  /** (a) Go encodes the items on one encoder; the codec decodes them. */
  async function goEncodes(items: Item[], chunk: number): Promise<void> {
    const res = await go.request({ op: 'encode', items: items.map(([n, v]) => ({ type: n, value: toJson(schemaOf(n), v) })) });
    expect(res.error).toBeUndefined();
    const decoded = decodeAll(unhex(res.hex), items.map(([n]) => schemaOf(n)), chunk);
    items.forEach(([n, v], i) => {
      expect(normalize(toJson(schemaOf(n), decoded[i])), `value ${i} (${n})`).toEqual(want(n, v));
    });
    if (items.some(([n, v]) => hasBigMap(toJson(schemaOf(n), v)))) return;
    const enc = new Encoder({ ids });
    expect(items.map(([n, v]) => hex(enc.encode(schemaOf(n), v as never))), 'the codec encodes what Go encodes').toEqual(res.parts);
    const encv = new Encoder({ ids });
    expect(items.map(([n, v]) => hex(concat(encv.encodev(schemaOf(n), v as never)))), 'encodev gives the same bytes').toEqual(res.parts);
  }

  /** (b) The codec encodes the items on one encoder; Go decodes them and re-encodes them on one encoder. */
  async function goDecodes(items: Item[], chunk: number): Promise<void> {
    const enc = new Encoder({ ids });
    const parts = items.map(([n, v]) => enc.encode(schemaOf(n), v as never));
    const res = await go.request({ op: 'decode', types: items.map(([n]) => n), hex: hex(concat(parts)) });
    expect(res.error).toBeUndefined();
    items.forEach(([n, v], i) => {
      expect(normalize(res.values[i]), `Go's value ${i} (${n})`).toEqual(want(n, v));
    });
    if (items.some(([n, v]) => hasBigMap(toJson(schemaOf(n), v)))) {
      const again = decodeAll(unhex(res.hex), items.map(([n]) => schemaOf(n)), chunk);
      items.forEach(([n, v], i) => expect(normalize(toJson(schemaOf(n), again[i]))).toEqual(want(n, v)));
    } else {
      expect(res.parts, 'Go re-encodes the same bytes').toEqual(parts.map(hex));
    }
  }

  test('the test mirrors every Go type and registered name', () => {
    expect(hello.types).toEqual(Object.keys(types));
    expect(hello.registered).toEqual(registry.names());
  });

  const chunkArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 64 }));
  const runs = (name: string): number => (name === 'Everything' ? 40 : name === 'Holder' || name === 'Collections' ? 80 : 60);

  describe('Go encodes, the codec decodes', () => {
    for (const name of Object.keys(types)) {
      test(name, async () => {
        await fc.assert(fc.asyncProperty(arb(schemaOf(name)), chunkArb, (v, chunk) => goEncodes([[name, v]], chunk)), { numRuns: runs(name) });
      });
    }
  });

  describe('the codec encodes, Go decodes and re-encodes', () => {
    for (const name of Object.keys(types)) {
      test(name, async () => {
        await fc.assert(fc.asyncProperty(arb(schemaOf(name)), chunkArb, (v, chunk) => goDecodes([[name, v]], chunk)), { numRuns: runs(name) });
      });
    }
  });

  describe('multi-value streams', () => {
    const itemArb = fc.oneof(...Object.keys(types).filter((n) => n !== 'Everything').map((n) => arb(schemaOf(n)).map((v): Item => [n, v])));
    const streamArb = fc.array(itemArb, { minLength: 2, maxLength: 6 });

    test('Go encodes a stream, the codec decodes it', async () => {
      await fc.assert(fc.asyncProperty(streamArb, chunkArb, goEncodes), { numRuns: 60 });
    });
    test('the codec encodes a stream, Go decodes it', async () => {
      await fc.assert(fc.asyncProperty(streamArb, chunkArb, goDecodes), { numRuns: 60 });
    });
  });

  describe('examples', () => {
    const invoke = (size: number) => ({
      Payload: new Uint8Array(size).map((_, i) => (i * 31) & 0xff),
      RequestId: '8476a536-e9f4-11e8-9739-2dfe598c3fcd',
      XAmznTraceId: 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
      Deadline: { Seconds: 1_700_000_000, Nanos: 999_999_999 },
      InvokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:demo',
      CognitoIdentityId: '',
      CognitoIdentityPoolId: '',
      ClientContext: new Uint8Array(0),
    });

    test('InvokeRequest with 1 MiB payloads, three on one stream, both ways', async () => {
      const items: Item[] = [[ 'InvokeRequest', invoke(1 << 20) ], [ 'InvokeRequest', invoke(64 << 10) ], [ 'InvokeRequest', invoke(1) ]];
      await goEncodes(items, 65536);
      await goDecodes(items, 0);
    });

    test('time.Time from Go with a zone offset, seconds in the offset and nanoseconds decodes to the instant', async () => {
      // Go's MarshalBinary: version, sec since year 1 (int64), nsec (int32), offset minutes (int16) [, offset seconds (int8)].
      const b = (version: number, sec: bigint, nsec: number, offMin: number, offSec?: number): string => {
        const out = Buffer.alloc(version === 1 ? 15 : 16);
        out[0] = version;
        out.writeBigInt64BE(sec, 1);
        out.writeInt32BE(nsec, 9);
        out.writeInt16BE(offMin, 13);
        if (version === 2) out[15] = offSec!;
        return out.toString('base64');
      };
      const sec = 63_838_000_000n; // 2023-11-14T22:13:20Z since 0001-01-01
      const ms = Number(sec - 62_135_596_800n) * 1000;
      const cases: [string, number][] = [
        [b(1, sec, 123_456_789, 60), ms + 123],
        [b(1, sec, 999_999, -330), ms],
        [b(2, sec, 1_000_000, 0, 30), ms + 1],
      ];
      for (const [m, at] of cases) {
        const res = await go.request({ op: 'encode', items: [{ type: 'time.Time', value: { $marshaled: m } }, { type: 'Event', value: { Name: 'x', When: { $marshaled: m } } }] });
        expect(res.error).toBeUndefined();
        const [t, e] = decodeAll(unhex(res.hex), [schemaOf('time.Time'), schemaOf('Event')], 0) as [Date, { When: Date }];
        expect(t.getTime()).toBe(at);
        expect(e.When.getTime()).toBe(at);
      }
    });

    test('invalid UTF-8 from Go: t.string() gives U+FFFD, t.string({ raw: true }) the bytes', async () => {
      const bytes = [0x61, 0xff, 0x62, 0xed, 0xa0, 0x80];
      const res = await go.request({ op: 'encode', items: [{ type: 'string', value: { $strbytes: Buffer.from(bytes).toString('base64') } }] });
      expect(res.error).toBeUndefined();
      expect(decodeAll(unhex(res.hex), [schemaOf('string')], 0)).toEqual(['a\uFFFDb\uFFFD\uFFFD\uFFFD']);
      expect(decodeAll(unhex(res.hex), [t.string({ raw: true })], 0)).toEqual([new Uint8Array(bytes)]);
    });

    test('a pointer to a zero time.Time is sent (the pointer is the GobEncoder; fixed in a05094c)', async () => {
      const v = { Name: '', When: new Date(GO_ZERO_TIME_MS), At: new Date(GO_ZERO_TIME_MS), Times: [], Log: null };
      await goEncodes([['Event', v]], 0);
      await goDecodes([['Event', v]], 0);
    });

    test('extremes of every integer width and special floats', async () => {
      const v = {
        B: true, I: -(2n ** 63n), I8: -128, I16: -32768, I32: -(2 ** 31), I64: 2n ** 63n - 1n,
        U: 2n ** 64n - 1n, U8: 255, U16: 65535, U32: 2 ** 32 - 1, U64: 2n ** 64n - 1n, Uptr: 2n ** 63n,
        N: -Number.MAX_SAFE_INTEGER, F32: -Infinity, F64: NaN, C64: { re: NaN, im: -0 }, C128: { re: Infinity, im: 5e-324 },
        S: '\uFEFF日本語\u0000', Raw: new Uint8Array([0xff, 0xfe, 0x80]), Bs: new Uint8Array([0]), L: 'ℒ', Deg: -0, Fl: 65535, Sm: 127,
      };
      await goEncodes([['Scalars', v]], 1);
      await goDecodes([['Scalars', v]], 1);
    });
  });
});
