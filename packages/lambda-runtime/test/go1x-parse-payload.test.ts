// go1.x parses large events whose bulk is in long string values without decoding the whole
// payload into one string (src/parse-payload.ts): the result and every error must be
// exactly parseEvent's (JSON.parse of the UTF-8 text).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeBytes } from '../src/json-bytes.js';
import { parsePayload, parseSpliced } from '../src/parse-payload.js';
import { parseEvent } from '../src/invoke.js';

type Outcome = { value: unknown } | { error: { name: string; code: unknown; message: string } };

function run(f: () => unknown): Outcome {
  try {
    return { value: f() };
  } catch (err) {
    const e = err as Error & { code?: unknown };
    return { error: { name: e.name, code: e.code, message: e.message } };
  }
}

/** Deep equality that also sees key order and own `__proto__` keys. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === 'object' && v !== null) {
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    return Object.keys(v).map((k) => [k, canonical((v as Record<string, unknown>)[k])]);
  }
  return v;
}

/** parsePayload, and the shortcut alone when it applies, give parseEvent's value or error. */
function same(payload: Uint8Array): void {
  const want = run(() => parseEvent(payload));
  const got = run(() => parsePayload(payload));
  if ('value' in want && 'value' in got) expect(canonical(got.value)).toEqual(canonical(want.value));
  else expect(got).toEqual(want);
  const clean: string[] = [];
  const spliced = parseSpliced(payload, clean);
  if (spliced) {
    expect('value' in want).toBe(true);
    if ('value' in want) expect(canonical(spliced.value)).toEqual(canonical(want.value));
    // The strings reported clean need no escaping, and echoing the event gives JSON.stringify's bytes.
    expect(clean.length).toBeGreaterThan(0);
    for (const s of clean) expect(JSON.stringify(s)).toBe(`"${s}"`);
    expect(serializeBytes(spliced.value, 1 << 30, true, clean).equals(Buffer.from(JSON.stringify(spliced.value) ?? 'null'))).toBe(true);
  } else expect(clean).toEqual([]);
}

const bytes = (s: string) => Buffer.from(s, 'utf8');
const long = (unit = 'abcdefghij', n = 70_000) => unit.repeat(Math.ceil(n / unit.length));

describe('parsePayload: parseEvent, faster for long string values', () => {
  it('takes the shortcut for events made of long strings, with the same value', () => {
    const docs = [
      JSON.stringify(long()),
      JSON.stringify({ id: 1, text: long() }),
      JSON.stringify({ a: [long('é€𝄞'), { b: long('xyz') }], n: null, t: true, f: 1.5e3 }),
      ` \n\t{ "body" : ${JSON.stringify(long('QUJD'))} , "isBase64Encoded": true }\r\n`,
      JSON.stringify([long('a'), long('b'), long('c'), 'short', long('d')]),
      JSON.stringify({ text: long('a'), text2: 'x', text3: long('b') }),
      // Duplicate keys: the last value wins, even when an earlier one was a long string.
      `{"k": ${JSON.stringify(long())}, "k": "short", "j": "short", "j": ${JSON.stringify(long('j'))}}`,
      // An own __proto__ key holding a long string stays an own property.
      `{"__proto__": ${JSON.stringify(long())}, "x": {"__proto__": ${JSON.stringify(long('p'))}}}`,
      // Backslashes in the short strings before a long one.
      `{"a": "x\\\\", "b": "\\"", "c": "\\\\\\"", "d": ${JSON.stringify(long())}}`,
    ];
    for (const doc of docs) {
      const payload = bytes(doc);
      expect(parseSpliced(payload), doc.slice(0, 60)).toBeDefined();
      same(payload);
    }
  });

  it('keeps invalid UTF-8 inside a long string as parseEvent decodes it', () => {
    for (const bad of [[0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0x80]]) {
      for (const where of ['start', 'middle', 'end']) {
        const body = Buffer.from(long());
        const parts = where === 'start' ? [Buffer.from(bad), body] : where === 'end' ? [body, Buffer.from(bad)] : [body.subarray(0, 500), Buffer.from(bad), body.subarray(500)];
        const payload = Buffer.concat([bytes('{"t":"'), ...parts, bytes('"}')]);
        expect(parseSpliced(payload)).toBeDefined();
        same(payload);
      }
    }
  });

  it('leaves to parseEvent what the shortcut cannot prove: escapes, control characters, keys, \\u0000, big skeletons', () => {
    const cases = [
      JSON.stringify({ t: long() + '\n' + long() }), // escapes in the long string
      `{"t": "${long()}\u0001${long()}"}`, // a raw control character: invalid JSON
      `{"t": "${long()}\u001f"}`,
      JSON.stringify({ [long()]: 1 }), // a long key
      `{${JSON.stringify(long())} : 1}`,
      JSON.stringify({ t: long(), u: '\u0000' }), // \u0000 elsewhere
      JSON.stringify({ t: long(), many: Array.from({ length: 5000 }, (_, i) => i) }), // a skeleton too big
      JSON.stringify({ t: long(), list: Array.from({ length: 100 }, (_, i) => `s${i}`) }), // too many strings
    ];
    for (const doc of cases) {
      const payload = bytes(doc);
      expect(parseSpliced(payload), doc.slice(0, 60)).toBeUndefined();
      same(payload);
    }
  });

  it('throws parseEvent\'s errors for invalid JSON around long strings', () => {
    const s = JSON.stringify(long());
    for (const doc of [
      `{"t": ${s}`, `{"t": ${s}}}`, `{"t": ${s},}`, `[${s} ${s}]`, `{"t" ${s}}`, `\ufeff{"t": ${s}}`, `{"t": ${s.slice(0, -1)}`,
      `{"t": ${s}, "u": tru}`, `{"t": ${s}, "u": 01}`, `{t: ${s}}`, `${s}x`, `{"t": '${long()}'}`,
    ]) {
      same(bytes(doc));
    }
    same(new Uint8Array(0));
  });

  it('matches parseEvent on generated documents with long strings, whitespace and damage (fast-check)', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(long('a', 17_000), long('é', 9_000), long('€𝄞', 20_000)));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null),
        fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 4 })),
    })).v;
    const ws = fc.constantFrom('', ' ', '\n', '\t', '\r\n  ');
    fc.assert(
      fc.property(value, ws, fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { freq: 3 }), (v, space, damage) => {
        const payload = bytes(JSON.stringify(v, null, space.length > 0 ? space : undefined) ?? 'null');
        if (damage) payload[damage[0] % payload.length] = damage[1];
        same(payload);
      }),
      { numRuns: 200 },
    );
  });
});
