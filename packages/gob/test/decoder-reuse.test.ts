// The Decoder reuses its assembly buffer (for messages split across chunks) only when no decoded
// []byte view points into it, or after release(): views handed out are never overwritten otherwise.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decoder, Encoder, t } from '@tslambda/gob';

const Msg = t.struct('Msg', { Id: t.int(), Payload: t.bytes(), Note: t.string() });
const Text = t.struct('Text', { Id: t.int(), Body: t.string() });

function payload(i: number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let k = 0; k < n; k++) b[k] = (i * 31 + k) & 0xff;
  return b;
}

/** Splits `bytes` into chunks of the given sizes (cycled). */
function chunks(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]!);
    out.push(bytes.slice(at, at + n));
    at += n;
  }
  return out;
}

function stream(values: { Id: number; Payload: Uint8Array; Note: string }[]): Uint8Array {
  const enc = new Encoder();
  return Buffer.concat(values.map((v) => enc.encode(Msg, v)));
}

describe('Decoder buffer reuse', () => {
  test('without release(), no []byte view is ever overwritten, however the input is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 5 }), (sizes, cuts) => {
        const values = sizes.map((n, i) => ({ Id: i, Payload: payload(i, n), Note: `n${i}` }));
        const dec = new Decoder();
        const got: { Id: number; Payload: Uint8Array; Note: string }[] = [];
        for (const c of chunks(stream(values), cuts)) {
          dec.push(c);
          for (let r; (r = dec.tryDecode(Msg)); ) got.push(r.value);
        }
        dec.end();
        expect(got.length).toBe(values.length);
        for (let i = 0; i < values.length; i++) expect(Buffer.from(got[i]!.Payload).equals(Buffer.from(values[i]!.Payload))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  test('after release(), the assembly buffer is reused: each value is right when decoded', () => {
    const values = Array.from({ length: 6 }, (_, i) => ({ Id: i, Payload: payload(i, 100_000 + i), Note: 'x' }));
    const dec = new Decoder();
    const buffers = new Set<ArrayBufferLike>();
    let n = 0;
    for (const c of chunks(stream(values), [16_384])) {
      dec.push(c);
      for (let r; (r = dec.tryDecode(Msg)); ) {
        expect(Buffer.from(r.value.Payload).equals(Buffer.from(values[n]!.Payload))).toBe(true);
        buffers.add(r.value.Payload.buffer);
        n++;
        dec.release();
      }
    }
    expect(n).toBe(values.length);
    // All but the first message were assembled in memory reused from an earlier one.
    expect(buffers.size).toBeLessThanOrEqual(2);
  });

  test('messages without []byte fields reuse the buffer by themselves, and decode right', () => {
    const enc = new Encoder();
    const bodies = Array.from({ length: 8 }, (_, i) => String.fromCharCode(97 + i).repeat(40_000 + i * 1000) + 'é'.repeat(i));
    const bytes = Buffer.concat(bodies.map((Body, Id) => enc.encode(Text, { Id, Body })));
    for (const cut of [1000, 7777, 65_536]) {
      const dec = new Decoder();
      const got: string[] = [];
      for (const c of chunks(bytes, [cut])) {
        dec.push(c);
        for (let r; (r = dec.tryDecode(Text)); ) got.push(r.value.Body);
      }
      dec.end();
      expect(got).toEqual(bodies);
    }
  });

  test('copyBytes values stay right while the buffer is reused', () => {
    const values = Array.from({ length: 5 }, (_, i) => ({ Id: i, Payload: payload(i, 30_000), Note: 'c' }));
    const dec = new Decoder({ copyBytes: true });
    const got: Uint8Array[] = [];
    for (const c of chunks(stream(values), [4096])) {
      dec.push(c);
      for (let r; (r = dec.tryDecode(Msg)); ) got.push(r.value.Payload);
    }
    got.forEach((p, i) => expect(Buffer.from(p).equals(Buffer.from(values[i]!.Payload))).toBe(true));
  });
});
