import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonReader } from '../src/json/reader.js';
import { compactJson, goJson, objectMembers } from '../src/json/members.js';
import { ProtocolError } from '@tslambda/netrpc';

const utf8 = new TextEncoder();

describe('goJson: JSON as Go 1.19 encoding/json writes it', () => {
  it('escapes <, >, &, U+2028, U+2029, and \\b \\f as \\u00XX', () => {
    expect(goJson({ s: '<a href="x">&</a>' })).toBe('{"s":"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"}');
    expect(goJson('\u2028\u2029\b\f\n\r\t\u0001')).toBe('"\\u2028\\u2029\\u0008\\u000c\\n\\r\\t\\u0001"');
    expect(goJson('a\\bc')).toBe('"a\\\\bc"');
  });

  it('refuses NaN and infinities like Go ("json: unsupported value")', () => {
    expect(() => goJson({ x: NaN })).toThrow('json: unsupported value: NaN');
    expect(() => goJson([Infinity])).toThrow('json: unsupported value: +Inf');
  });

  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(goJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('compactJson: json.RawMessage as Go re-marshals it', () => {
  it('drops whitespace outside strings and escapes HTML characters inside them', () => {
    expect(compactJson(' [ 1 , "a b<" ,\n{ "k" : null } ] ')).toBe('[1,"a b\\u003c",{"k":null}]');
    expect(compactJson('"x\\" <"')).toBe('"x\\" \\u003c"');
  });
});

describe('objectMembers', () => {
  it('splits an object into keys and raw values', () => {
    expect(objectMembers('{ "a" : [1, {"b": "}"}] , "c":"x\\"y" ,"d":-1.5e3}')).toEqual([
      { key: 'a', raw: '[1, {"b": "}"}]' },
      { key: 'c', raw: '"x\\"y"' },
      { key: 'd', raw: '-1.5e3' },
    ]);
    expect(objectMembers('{}')).toEqual([]);
    expect(() => objectMembers('{"a" 1}')).toThrow(SyntaxError);
    expect(() => objectMembers('{"a":1,}')).toThrow(SyntaxError);
  });
});

describe('JsonReader: one top-level value per Decode, as Go json.Decoder', () => {
  it('returns the same values whatever the chunking and the whitespace between them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(' ', '\n', '\t', '\r\n', ''), { minLength: 8, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        (values, gaps, cuts) => {
          // Scalars need a delimiter after them, as in Go; objects and arrays do not.
          const text = values.map((v, i) => goJson(v) + (gaps[i] || ' ')).join('');
          const bytes = utf8.encode(text);
          const r = new JsonReader(1 << 20);
          const out: unknown[] = [];
          let at = 0;
          for (let i = 0; at < bytes.length; i++) {
            const n = cuts[i % cuts.length]!;
            r.push(bytes.subarray(at, at + n));
            at += n;
            for (let t; (t = r.next()) !== undefined; ) out.push(JSON.parse(t));
          }
          r.end();
          for (let t; (t = r.next()) !== undefined; ) out.push(JSON.parse(t));
          expect(out).toEqual(values.map((v) => JSON.parse(JSON.stringify(v))));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a value cut short, a value beyond the size limit, and nesting beyond 10000', () => {
    const cut = new JsonReader(1024);
    cut.push(utf8.encode('{"method":"x"'));
    expect(cut.next()).toBeUndefined();
    cut.end();
    expect(() => cut.next()).toThrow(new ProtocolError('unexpected EOF'));

    const big = new JsonReader(16);
    big.push(utf8.encode(`{"a":"${'x'.repeat(64)}`));
    expect(() => big.next()).toThrow(expect.objectContaining({ code: 'ERR_NETRPC_LIMIT' }));

    const deep = new JsonReader(1 << 20);
    deep.push(utf8.encode('['.repeat(10001)));
    expect(() => deep.next()).toThrow('exceeded max depth');
  });
});
