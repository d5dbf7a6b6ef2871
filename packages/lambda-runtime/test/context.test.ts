import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createContext, currentContext, functionInfoFromEnv, parseClientContext, runWithContext } from '@tslambda/lambda-runtime';

const fn = functionInfoFromEnv({ AWS_LAMBDA_FUNCTION_NAME: 'f', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256' });

describe('context', () => {
  it('keeps concurrent invocations apart through async continuations', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c'].map((id, i) => {
        const ctx = createContext({ requestId: id, deadlineMs: Date.now() + 1000, invokedFunctionArn: 'arn' }, fn);
        return runWithContext(ctx, async () => {
          await new Promise((r) => setTimeout(r, 10 - i * 3));
          await Promise.resolve();
          return currentContext()?.awsRequestId;
        });
      }),
    );
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(currentContext()).toBeUndefined();
  });

  it('creates the abort signal lazily, aborts it at the deadline or at end()', async () => {
    const ctx = createContext({ requestId: 'r', deadlineMs: Date.now() + 50, invokedFunctionArn: 'arn' }, fn);
    expect(ctx.memoryLimitInMB).toBe('256');
    const signal = ctx.signal;
    // On a loaded machine the deadline may pass before the first look at the signal: it is then already aborted.
    const reason = signal.aborted ? signal.reason : await new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.reason)));
    expect((reason as DOMException).name).toBe('TimeoutError');
    expect(ctx.getRemainingTimeInMillis()).toBe(0);
    const ended = createContext({ requestId: 'r', deadlineMs: Date.now() + 60_000, invokedFunctionArn: 'arn' }, fn);
    const endedSignal = ended.signal;
    ended.end();
    expect(endedSignal.aborted).toBe(true);
    expect((endedSignal.reason as DOMException).name).toBe('AbortError');
    const late = createContext({ requestId: 'r', deadlineMs: Date.now() + 60_000, invokedFunctionArn: 'arn' }, fn);
    late.end();
    expect(late.signal.aborted).toBe(true);
  });

  it('keeps the signal live until a deadline beyond the 24.8-day timer limit', () => {
    vi.useFakeTimers();
    try {
      const day = 86_400_000;
      const ctx = createContext({ requestId: 'r', deadlineMs: Date.now() + 30 * day, invokedFunctionArn: 'arn' }, fn);
      const signal = ctx.signal;
      vi.advanceTimersByTime(1);
      expect(signal.aborted).toBe(false);
      vi.advanceTimersByTime(29 * day);
      expect(signal.aborted).toBe(false);
      vi.advanceTimersByTime(day);
      expect(signal.aborted).toBe(true);
      expect((signal.reason as DOMException).name).toBe('TimeoutError');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('parseClientContext', () => {
  it('extracts the allowed W3C fields and removes w3c from the client context', () => {
    const r = parseClientContext(JSON.stringify({ custom: { a: 1 }, w3c: { traceparent: 'tp', baggage: 7, x: 'y' } }));
    expect(r.clientContext).toEqual({ custom: { a: 1 } });
    expect(r.w3c).toEqual({ traceparent: 'tp' });
    expect(Object.isFrozen(r.w3c)).toBe(true);
  });

  it('ignores invalid JSON and non-objects, and never pollutes prototypes', () => {
    expect(parseClientContext('{bad').clientContext).toBeUndefined();
    expect(parseClientContext('[1]').clientContext).toBeUndefined();
    expect(parseClientContext('null').clientContext).toBeUndefined();
    const r = parseClientContext('{"__proto__":{"polluted":true},"w3c":{"__proto__":{"x":1},"tracestate":"s"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.w3c).toEqual({ tracestate: 's' });
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (s) => void parseClientContext(s)), { numRuns: 300 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
