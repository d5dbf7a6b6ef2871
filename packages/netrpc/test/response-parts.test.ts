// The gob server codec's writeResponseParts (header and body as two pieces, no join copy) must
// give the very bytes of writeResponse, message after message, and fail the same way.
import { describe, expect, it } from 'vitest';
import { t } from '@tslambda/gob';
import { BodyError, gobCodec, type ServerCodec } from '@tslambda/netrpc';

const Reply = t.struct('Reply', { Payload: t.bytes(), Note: t.string(), N: t.int() }, { pkg: 'main' });
const Other = t.struct('Other', { X: t.float64() }, { pkg: 'main' });

const join = (parts: readonly Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
const codec = (): ServerCodec => gobCodec().server({ maxMessageSize: 1 << 26 });

describe('gob ServerCodec.writeResponseParts', () => {
  it('gives writeResponse\'s bytes for a sequence of replies, errors and new body types', () => {
    const a = codec();
    const b = codec();
    expect(typeof b.writeResponseParts).toBe('function');
    const big = Buffer.alloc(300_000, 'z');
    const steps: [string, number, string, unknown, typeof Reply | typeof Other | undefined][] = [
      ['Svc.M', 1, '', { Payload: big, Note: 'first', N: 1 }, Reply],
      ['Svc.M', 2, 'boom', undefined, undefined],
      ['Svc.M', 3, '', { Payload: new Uint8Array(0), Note: '', N: 0 }, Reply],
      ['Svc.O', 4, '', { X: 1.5 }, Other],
      ['Svc.M', 5, '', { Payload: big.subarray(7), Note: 'é', N: -3 }, Reply],
    ];
    for (const [serviceMethod, seq, error, body, type] of steps) {
      const want = a.writeResponse({ serviceMethod, seq, error }, body, type);
      const parts = b.writeResponseParts!({ serviceMethod, seq, error }, body, type);
      expect(join(parts).equals(Buffer.from(want))).toBe(true);
      // Large bodies come apart from their header (no join copy), small replies in one piece.
      expect(parts.length).toBe(want.length > 100_000 ? 2 : 1);
    }
  });

  it('with borrow, gives the same bytes, and large byte slices are the body\'s own memory', () => {
    const a = codec();
    const b = codec();
    const big = Buffer.alloc(300_000, 'q');
    const shares = (parts: readonly Uint8Array[], x: Uint8Array) => parts.some((p) => p.buffer === x.buffer);
    let first = true;
    for (let seq = 1; seq <= 3; seq++) {
      for (const payload of [big, big.subarray(3, 40_000), new Uint8Array(100)]) {
        const body = { Payload: payload, Note: `n${seq}`, N: seq };
        const want = a.writeResponse({ serviceMethod: 'Svc.M', seq, error: '' }, body, Reply);
        const parts = b.writeResponseParts!({ serviceMethod: 'Svc.M', seq, error: '' }, body, Reply, true);
        expect(join(parts).equals(Buffer.from(want))).toBe(true);
        // The first reply (with the type definitions) is copied; later large payloads are borrowed.
        expect(shares(parts, payload), `${seq} ${payload.length}`).toBe(!first && payload.length >= 16 * 1024);
        first = false;
      }
    }
    // Without borrow, no piece is a view of the body.
    const parts = b.writeResponseParts!({ serviceMethod: 'Svc.M', seq: 9, error: '' }, { Payload: big, Note: '', N: 0 }, Reply);
    expect(shares(parts, big)).toBe(false);
  });

  it('throws a BodyError and changes nothing when the body does not fit', () => {
    const a = codec();
    const b = codec();
    for (const c of [a, b]) expect(() => (c === a ? c.writeResponse({ serviceMethod: 'S.M', seq: 1, error: '' }, { N: 'x' }, Reply) : c.writeResponseParts!({ serviceMethod: 'S.M', seq: 1, error: '' }, { N: 'x' }, Reply))).toThrow(BodyError);
    const want = a.writeResponse({ serviceMethod: 'S.M', seq: 2, error: '' }, { Payload: new Uint8Array([1]), Note: 'n', N: 2 }, Reply);
    const got = b.writeResponseParts!({ serviceMethod: 'S.M', seq: 2, error: '' }, { Payload: new Uint8Array([1]), Note: 'n', N: 2 }, Reply);
    expect(join(got).equals(Buffer.from(want))).toBe(true);
  });
});
