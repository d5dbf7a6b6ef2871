import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LambdaEventError } from '@tslambda/lambda-events';
import {
  type AttributeMap,
  DynamoDBNumber,
  type DynamoDBStreamEvent,
  marshall,
  marshallValue,
  unmarshall,
  unmarshallValue,
} from '@tslambda/lambda-events/dynamodb';
import { sample } from './support/sample.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const image = sample<DynamoDBStreamEvent>('DynamoDBStreamEvent/go-dynamodb-event.json').Records[1]!.dynamodb!.NewImage!;

function errorOf(fn: () => unknown): LambdaEventError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LambdaEventError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('unmarshall', () => {
  it('reads the corpus NewImage (every attribute type)', () => {
    expect(unmarshall(image)).toEqual({
      val: 'data',
      asdf1: bytes(0, 1, 42, 65),
      b2: bytes(181, 235, 45),
      asdf2: new Set([bytes(0, 1, 42, 65), bytes(65, 42, 1, 0), bytes(0, 1, 42, 65)]),
      key: 'binary',
      Binary: bytes(0, 1, 42, 65),
      Boolean: true,
      BinarySet: new Set([bytes(0, 1, 42, 65), bytes(0, 1, 42, 65)]),
      List: ['Cookies', 'Coffee', 3.14159],
      Map: { Name: 'Joe', Age: 35 },
      FloatNumber: 123.45,
      IntegerNumber: 123,
      NumberSet: new Set([1234, 567.8]),
      Null: null,
      String: 'Hello',
      StringSet: new Set(['Giraffe', 'Zebra']),
      EmptyStringSet: new Set(),
    });
  });

  it('and marshall writes it back unchanged (but for the empty set, which DynamoDB itself rejects)', () => {
    const { EmptyStringSet, ...rest } = image;
    expect(EmptyStringSet).toEqual({ SS: [] });
    expect(marshall(unmarshall(rest))).toEqual(rest);
    expect(errorOf(() => marshall(unmarshall(image)))).toMatchObject({ code: 'UNSUPPORTED_VALUE', path: 'EmptyStringSet' });
  });

  it('never rounds a number silently', () => {
    for (const n of ['12345678901234567891', '9007199254740993', '0.12345678901234567890123', '1e400']) {
      expect(errorOf(() => unmarshall({ n: { N: n } }))).toMatchObject({ code: 'UNSUPPORTED_VALUE', path: 'n' });
    }
    expect(unmarshall({ a: { N: '9007199254740991' }, b: { N: '-0.5' }, c: { N: '1E+2' }, d: { N: '0.1' } })).toEqual({
      a: 9007199254740991,
      b: -0.5,
      c: 100,
      d: 0.1,
    });
  });

  it("numbers: 'bigint' reads integers as bigint", () => {
    expect(unmarshall({ big: { N: '12345678901234567891' }, small: { N: '7' }, frac: { N: '1.5' } }, { numbers: 'bigint' })).toEqual({
      big: 12345678901234567891n,
      small: 7n,
      frac: 1.5,
    });
    expect(marshall({ big: 12345678901234567891n })).toEqual({ big: { N: '12345678901234567891' } });
  });

  it("numbers: 'wrap' keeps the exact decimal, and marshall writes it back", () => {
    const item: AttributeMap = { n: { N: '12345678901234567890.0123456789' }, s: { NS: ['1', '0.30000000000000000001'] } };
    const plain = unmarshall(item, { numbers: 'wrap' });
    expect(plain).toEqual({
      n: new DynamoDBNumber('12345678901234567890.0123456789'),
      s: new Set([new DynamoDBNumber('1'), new DynamoDBNumber('0.30000000000000000001')]),
    });
    expect(String(plain.n)).toBe('12345678901234567890.0123456789');
    expect(JSON.stringify(plain.n)).toBe('"12345678901234567890.0123456789"');
    expect(marshall(plain)).toEqual(item);
  });

  it('keeps __proto__ as an own property', () => {
    const out = unmarshall(JSON.parse('{"__proto__":{"M":{"polluted":{"BOOL":true}}}}') as AttributeMap);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [{ a: { X: '1' } }, 'INVALID_ATTRIBUTE_VALUE', 'a'],
    [{ a: { S: 'x', N: '1' } }, 'INVALID_ATTRIBUTE_VALUE', 'a'],
    [{ a: { N: 'abc' } }, 'INVALID_ATTRIBUTE_VALUE', 'a'],
    [{ a: { B: '@@@@' } }, 'INVALID_BASE64', 'a'],
    [{ a: { L: [{ S: 'x' }, { BOOL: 'yes' }] } }, 'INVALID_ATTRIBUTE_VALUE', 'a[1]'],
    [{ a: { M: { b: { NULL: false } } } }, 'INVALID_ATTRIBUTE_VALUE', 'a.b'],
    [{ a: { SS: ['x', 1] } }, 'INVALID_ATTRIBUTE_VALUE', 'a'],
    [{ a: null }, 'INVALID_ATTRIBUTE_VALUE', 'a'],
  ])('rejects %j with %s at %s', (item, code, path) => {
    expect(errorOf(() => unmarshall(item as unknown as AttributeMap))).toMatchObject({ name: 'LambdaEventError', code, path });
  });

  it('limits nesting depth', () => {
    let v: unknown = { S: 'leaf' };
    for (let i = 0; i < 100; i++) v = { L: [v] };
    expect(errorOf(() => unmarshallValue(v as never))).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(unmarshallValue(v as never, { maxDepth: 200 })).toBeInstanceOf(Array);
  });
});

describe('marshall', () => {
  it('writes each kind of value', () => {
    expect(
      marshall({
        s: 'x',
        n: -1.25,
        b: bytes(0, 255),
        ab: bytes(1, 2, 3).buffer,
        t: true,
        z: null,
        l: [1, 'a'],
        m: new Map([['k', 'v']]),
        ss: new Set(['a']),
        ns: new Set([1, 2n]),
        bs: new Set([bytes(1)]),
        o: { nested: { deep: false } },
      }),
    ).toEqual({
      s: { S: 'x' },
      n: { N: '-1.25' },
      b: { B: 'AP8=' },
      ab: { B: 'AQID' },
      t: { BOOL: true },
      z: { NULL: true },
      l: { L: [{ N: '1' }, { S: 'a' }] },
      m: { M: { k: { S: 'v' } } },
      ss: { SS: ['a'] },
      ns: { NS: ['1', '2'] },
      bs: { BS: ['AQ=='] },
      o: { M: { nested: { M: { deep: { BOOL: false } } } } },
    });
  });

  it.each([
    ['NaN', { a: Number.NaN }, 'a'],
    ['Infinity', { a: Number.POSITIVE_INFINITY }, 'a'],
    ['a Date', { a: new Date(0) }, 'a'],
    ['a function', { a: () => 1 }, 'a'],
    ['a mixed Set', { a: new Set(['x', 1]) }, 'a'],
    ['undefined', { a: { b: undefined } }, 'a.b'],
    ['undefined in a list', { a: [undefined] }, 'a[0]'],
  ])('rejects %s', (_what, item, path) => {
    expect(errorOf(() => marshall(item as Record<string, unknown>))).toMatchObject({ code: 'UNSUPPORTED_VALUE', path });
  });

  it('drops undefined properties with removeUndefinedValues', () => {
    expect(marshall({ a: 1, b: undefined }, { removeUndefinedValues: true })).toEqual({ a: { N: '1' } });
  });

  it('marshallValue of a single value', () => {
    expect(marshallValue('x')).toEqual({ S: 'x' });
    expect(marshallValue(new DynamoDBNumber('1.10'))).toEqual({ N: '1.10' });
  });
});

describe('round trips (property-based)', () => {
  const scalar = fc.oneof(
    fc.string(),
    fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.uint8Array({ maxLength: 16 }),
  );
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('v'), { maxKeys: 4 })),
  })).v;

  it('unmarshall(marshall(x)) equals x', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value, { maxKeys: 6 }), (item) => {
        expect(unmarshall(marshall(item))).toEqual(item);
      }),
      { numRuns: 200 },
    );
  });

  it('unmarshall throws only LambdaEventError on junk', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (junk) => {
        try {
          unmarshall({ a: junk } as unknown as AttributeMap);
        } catch (e) {
          expect(e).toBeInstanceOf(LambdaEventError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
