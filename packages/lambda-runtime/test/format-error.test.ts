import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatError, parseStack, toInvokeResponseError, xrayErrorCause } from '@tslambda/lambda-runtime';

describe('parseStack', () => {
  it('parses V8 frames: named, anonymous, async, new, file URLs, node internals, eval', () => {
    const stack = [
      'Error: boom',
      'second message line',
      '    at Object.handler (/var/task/index.js:3:9)',
      '    at /var/task/lib/util.js:10:2',
      '    at async Promise.all (index 0)',
      '    at async run (file:///var/task/app%20dir/main.mjs:44:7)',
      '    at new Store (/var/task/store.js:5:11)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at eval (eval at <anonymous> (/var/task/e.js:1:1), <anonymous>:1:7)',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { path: '/var/task/index.js', line: 3, label: 'Object.handler' },
      { path: '/var/task/lib/util.js', line: 10, label: 'anonymous' },
      { path: 'index 0', line: 0, label: 'async Promise.all' },
      { path: '/var/task/app dir/main.mjs', line: 44, label: 'async run' },
      { path: '/var/task/store.js', line: 5, label: 'new Store' },
      { path: 'node:internal/process/task_queues', line: 95, label: 'process.processTicksAndRejections' },
      { path: 'eval at <anonymous> (/var/task/e.js:1:1), <anonymous>', line: 1, label: 'eval' },
    ]);
  });

  it('parses the stack of a real error', () => {
    function namedThrower(): never {
      throw new Error('x');
    }
    try {
      namedThrower();
    } catch (err) {
      const frames = parseStack((err as Error).stack);
      expect(frames[0]).toMatchObject({ label: 'namedThrower', line: expect.any(Number) });
      expect(frames[0]!.path).toMatch(/format-error\.test\.ts$/);
      expect(frames[0]!.line).toBeGreaterThan(0);
    }
  });

  it('returns [] for a missing stack', () => {
    expect(parseStack(undefined)).toEqual([]);
  });
});

describe('toInvokeResponseError (go1.x InvokeResponse_Error)', () => {
  it('uses the error name, message and parsed frames', () => {
    class PaymentError extends Error {
      override name = 'PaymentError';
    }
    const err = new PaymentError('card declined');
    const r = toInvokeResponseError(err);
    expect(r.Type).toBe('PaymentError');
    expect(r.Message).toBe('card declined');
    expect(r.ShouldExit).toBe(false);
    expect(r.StackTrace[0]).toMatchObject({ Path: expect.stringMatching(/format-error\.test\.ts$/), Line: expect.any(Number), Label: expect.any(String) });
    expect(toInvokeResponseError(err, true).ShouldExit).toBe(true);
  });

  it('reports non-Error values like a Go panic value', () => {
    expect(toInvokeResponseError('boom')).toEqual({ Type: 'string', Message: 'boom', StackTrace: [], ShouldExit: false });
    expect(toInvokeResponseError(42)).toMatchObject({ Type: 'int', Message: '42' });
    expect(toInvokeResponseError(1.5)).toMatchObject({ Type: 'float64', Message: '1.5' });
    expect(toInvokeResponseError(true)).toMatchObject({ Type: 'bool', Message: 'true' });
    expect(toInvokeResponseError({ b: [1, 'x'], a: { c: null } })).toMatchObject({
      Type: 'map[string]interface {}',
      Message: 'map[a:map[c:<nil>] b:[1 x]]',
    });
    expect(toInvokeResponseError([1, 2])).toMatchObject({ Type: '[]interface {}', Message: '[1 2]' });
    expect(toInvokeResponseError(null)).toMatchObject({ Type: 'PanicNilError', Message: 'panic called with nil argument' });
    expect(toInvokeResponseError(undefined)).toMatchObject({ Type: 'PanicNilError' });
  });

  it('never throws, whatever is thrown', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    expect(() => toInvokeResponseError(hostile)).not.toThrow();
    expect(() => formatError(hostile)).not.toThrow();
    const badError = new Error('x');
    Object.defineProperty(badError, 'message', { get: () => { throw new Error('trap'); } });
    expect(formatError(badError).errorType).toBe('handled');
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true }), (v) => {
        const r = toInvokeResponseError(v);
        expect(typeof r.Type).toBe('string');
        expect(typeof r.Message).toBe('string');
        const f = formatError(v);
        expect(typeof f.errorType).toBe('string');
        JSON.stringify(f);
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string(), (s) => void parseStack(s)), { numRuns: 300 });
  });
});

describe('formatError (Runtime API error JSON)', () => {
  it('matches the Node.js runtime for errors and other values', () => {
    const err = new TypeError('bad');
    expect(formatError(err)).toEqual({ errorType: 'TypeError', errorMessage: 'bad', stackTrace: err.stack!.split('\n'), trace: err.stack!.split('\n') });
    expect(formatError(7)).toEqual({ errorType: 'number', errorMessage: '7', stackTrace: [], trace: [] });
    expect(formatError(undefined)).toEqual({ errorType: 'undefined', errorMessage: 'undefined', stackTrace: [], trace: [] });
  });

  it('builds the X-Ray cause with unique paths', () => {
    const err = new Error('x');
    err.stack = 'Error: x\n    at a (/t/a.js:1:1)\n    at b (/t/a.js:2:1)\n    at c (/t/c.js:3:1)';
    expect(xrayErrorCause(err, '/t')).toEqual({
      working_directory: '/t',
      exceptions: [{ type: 'Error', message: 'x', stack: [
        { path: '/t/a.js', line: 1, label: 'a' },
        { path: '/t/a.js', line: 2, label: 'b' },
        { path: '/t/c.js', line: 3, label: 'c' },
      ] }],
      paths: ['/t/a.js', '/t/c.js'],
    });
    expect(xrayErrorCause('nope')).toBeUndefined();
  });
});
