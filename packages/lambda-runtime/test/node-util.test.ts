// node:util without an ESM import of it (the ESM wrapper of node:util is slow to build at start-up).
import { format as utilFormat, types as utilTypesReal } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consoleFormat, format, utilTypes } from '../src/node-util.js';

const viaConsole = consoleFormat();

describe('node-util', () => {
  it('uses the module itself where process.getBuiltinModule exists', () => {
    expect(typeof process.getBuiltinModule).toBe('function');
    expect(format).toBe(utilFormat);
    expect(utilTypes).toBe(utilTypesReal);
  });

  it('the console.Console fallback formats exactly like util.format', () => {
    class Named extends Error {
      code = 7;
    }
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    const cases: unknown[][] = [
      [],
      ['plain'],
      ['%s and %d and %i and %f', 'x', 42.5, 42.5, '1.5'],
      ['%j %o %O %%', { a: [1, { b: 2 }] }, { c: 'd' }, new Map([[1, 2]])],
      ['%c styled', 'color: red'],
      ['line\nbreak', 'tab\t', 'end\n'],
      [{ nested: { deep: { deeper: { deepest: 1 } } } }],
      [new Named('boom')],
      [cycle],
      [Symbol('s'), 10n, null, undefined, NaN, -0, () => 1],
      ['%s', Symbol('t'), 'extra', 3],
      ['%d', '12px'],
      ['missing %s %s', 'one'],
      [new Uint8Array([1, 2, 3]), Buffer.from('hi'), new Date(0), /re/g],
    ];
    for (const args of cases) expect(viaConsole(...args)).toBe(utilFormat(...args));
  });

  it('the fallback agrees with util.format on generated arguments', () => {
    const arg = fc.oneof(
      fc.string(),
      fc.constantFrom('%s', '%d', '%i', '%f', '%j', '%o', '%O', '%c', '%%', '%'),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.jsonValue(),
      fc.array(fc.string()),
    );
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 6 }), (args) => {
        expect(viaConsole(...args)).toBe(utilFormat(...args));
      }),
      { numRuns: 300 },
    );
  });

  it('returns each call its own line (no state carried over)', () => {
    expect(viaConsole('a')).toBe('a');
    expect(viaConsole('')).toBe('');
    expect(viaConsole('b', 'c')).toBe('b c');
  });
});
