// Codec bugs found while testing interop with Go and benchmarking, kept as
// regression tests. A bug not fixed yet is marked `test.fails`.
// Fixed: `x.slice()` on a Node Buffer is a view, not a copy (5c4c461).
import { describe, expect, test } from 'vitest';
import { Decoder, Encoder, t } from '@tslambda/gob';

describe('decoded bytes are copies when they should be (input pushed as a Node Buffer, like socket chunks)', () => {
  const Raw = t.marshaler<Uint8Array>({ name: 'Raw', encode: (b) => b, decode: (b) => b });
  const S = t.struct('S', { B: t.bytes(), R: t.string({ raw: true }), M: Raw });
  const value = { B: new Uint8Array([1, 2, 3]), R: new Uint8Array([0xff, 0x41]), M: new Uint8Array([9, 8]) };

  function decodeThenClobber(options: { copyBytes?: boolean }) {
    const chunk = Buffer.from(new Encoder().encode(S, value));
    const dec = new Decoder(options);
    dec.push(chunk);
    const v = dec.tryDecode(S)!.value;
    chunk.fill(0); // the caller reuses its buffer
    return v;
  }

  test('copyBytes: true copies []byte values out of the input', () => {
    expect([...decodeThenClobber({ copyBytes: true }).B]).toEqual([1, 2, 3]);
  });
  test('raw strings are copies', () => {
    expect([...decodeThenClobber({}).R]).toEqual([0xff, 0x41]);
  });
  test('a marshaler decode gets a copy of its bytes', () => {
    expect([...decodeThenClobber({}).M]).toEqual([9, 8]);
  });
  test('without copyBytes, []byte values are views of the input (documented)', () => {
    expect([...decodeThenClobber({}).B]).toEqual([0, 0, 0]);
  });
});
