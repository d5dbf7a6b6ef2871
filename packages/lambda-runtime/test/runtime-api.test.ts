import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  currentContext,
  httpResponseStream,
  start,
  streamifyResponse,
  type Context,
  type Handler,
  type StartHandler,
  type StreamingHandler,
  type StartOptions,
} from '@tslambda/lambda-runtime';
import { FakeRuntimeApi } from './helpers/fake-runtime-api.js';

let api: FakeRuntimeApi;
let stop: AbortController;
let running: Promise<void> | undefined;
let logs: string[] = [];

beforeEach(async () => {
  api = new FakeRuntimeApi();
  await api.listen();
  stop = new AbortController();
  logs = [];
});

afterEach(async () => {
  stop.abort();
  await running?.catch(() => {});
  running = undefined;
  await api.close();
});

function run<E, R>(handler: Handler<E, R>, options?: StartOptions): Promise<void>;
function run<E>(handler: StreamingHandler<E>, options?: StartOptions): Promise<void>;
function run<E, R>(handler: StartHandler<E, R>, options: StartOptions = {}): Promise<void> {
  running = start(handler as Handler<E, R>, {
    env: {
      AWS_LAMBDA_RUNTIME_API: api.endpoint,
      AWS_LAMBDA_FUNCTION_NAME: 'test',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/test',
      AWS_LAMBDA_LOG_STREAM_NAME: '2026/11/25/[$LATEST]abc',
      ...options.env,
    },
    patchConsole: false,
    handleProcessErrors: false,
    exitOnFatal: false,
    log: (line) => logs.push(line),
    signal: stop.signal,
    retry: { baseDelayMs: 1, maxDelayMs: 5, ...options.retry },
    ...Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'env' && k !== 'retry')),
  });
  return running;
}

describe('Runtime API loop', () => {
  it('answers invocations with the JSON result', async () => {
    run(async (event: { n: number }) => ({ doubled: event.n * 2 }));
    const r = await api.invoke({ n: 21 });
    expect(r.kind).toBe('response');
    expect(JSON.parse(r.body.toString())).toEqual({ doubled: 42 });
    expect(r.headers['content-type']).toBe('application/json');
    const r2 = await api.invoke({ n: 1 });
    expect(JSON.parse(r2.body.toString())).toEqual({ doubled: 2 });
  });

  it('sends null for undefined and keeps one keep-alive connection', async () => {
    run(async () => undefined);
    for (let i = 0; i < 5; i++) expect((await api.invoke({})).body.toString()).toBe('null');
    expect(api.nextHeaders.every((h) => h.connection === 'keep-alive')).toBe(true);
  });

  it('fills the context from the /next headers and the environment', async () => {
    const seen: Record<string, unknown>[] = [];
    run(async (_event, context: Context) => {
      seen.push({
        awsRequestId: context.awsRequestId,
        invokedFunctionArn: context.invokedFunctionArn,
        functionName: context.functionName,
        functionVersion: context.functionVersion,
        memoryLimitInMB: context.memoryLimitInMB,
        logGroupName: context.logGroupName,
        logStreamName: context.logStreamName,
        identity: context.identity,
        clientContext: context.clientContext,
        tenantId: context.tenantId,
        xRayTraceId: context.xRayTraceId,
        invocationId: context.invocationId,
        w3c: context.w3c,
        remaining: context.getRemainingTimeInMillis(),
        deadline: context.deadline,
        traceEnv: process.env._X_AMZN_TRACE_ID,
        current: currentContext() === context,
        later: await Promise.resolve().then(() => currentContext()?.awsRequestId),
      });
      return 'ok';
    });
    const clientContext = {
      client: { installationId: 'i', appTitle: 't', appVersionName: 'v', appVersionCode: 'c', appPackageName: 'p' },
      env: { platformVersion: '1', platform: 'x', make: 'm', model: 'o', locale: 'en' },
      Custom: { k: 1 },
      w3c: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'a=b', baggage: 'k=v', other: 'dropped' },
    };
    const r = await api.invoke(
      { x: 1 },
      {
        'Lambda-Runtime-Aws-Request-Id': 'abc-123',
        'Lambda-Runtime-Trace-Id': 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
        'Lambda-Runtime-Client-Context': JSON.stringify(clientContext),
        'Lambda-Runtime-Cognito-Identity': JSON.stringify({ cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' }),
        'Lambda-Runtime-Aws-Tenant-Id': 'blue',
        'Lambda-Runtime-Invocation-Id': 'attempt-7',
      },
    );
    expect(r.kind).toBe('response');
    expect(r.requestId).toBe('abc-123');
    expect(r.headers['lambda-runtime-invocation-id']).toBe('attempt-7');
    const c = seen[0]!;
    expect(c).toMatchObject({
      awsRequestId: 'abc-123',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:test',
      functionName: 'test',
      functionVersion: '$LATEST',
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/test',
      logStreamName: '2026/11/25/[$LATEST]abc',
      identity: { cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' },
      tenantId: 'blue',
      xRayTraceId: 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
      traceEnv: 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
      invocationId: 'attempt-7',
      w3c: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'a=b', baggage: 'k=v' },
      current: true,
      later: 'abc-123',
    });
    expect(c.clientContext).toEqual({ client: clientContext.client, env: clientContext.env, Custom: { k: 1 } });
    expect(c.remaining).toBeGreaterThan(25_000);
    expect(c.remaining).toBeLessThanOrEqual(30_000);
    expect(currentContext()).toBeUndefined();
  });

  it('aborts context.signal at the deadline', async () => {
    run(async (_e, context) => {
      await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
      return { reason: (context.signal.reason as DOMException).name };
    });
    const r = await api.invoke({}, { 'Lambda-Runtime-Deadline-Ms': String(Date.now() + 50) });
    expect(JSON.parse(r.body.toString())).toEqual({ reason: 'TimeoutError' });
  });

  it('posts handler errors as {errorType, errorMessage, stackTrace} with the type and X-Ray headers', async () => {
    class OrderError extends Error {
      override name = 'OrderError';
    }
    run(async () => {
      throw new OrderError('no such order é');
    });
    const r = await api.invoke({});
    expect(r.kind).toBe('error');
    expect(r.headers['lambda-runtime-function-error-type']).toBe('OrderError');
    const body = JSON.parse(r.body.toString());
    expect(body.errorType).toBe('OrderError');
    expect(body.errorMessage).toBe('no such order é');
    expect(body.stackTrace[0]).toBe('OrderError: no such order é');
    expect(body.stackTrace.some((l: string) => l.includes('runtime-api.test.ts'))).toBe(true);
    expect(body.trace).toEqual(body.stackTrace);
    const cause = JSON.parse(String(r.headers['lambda-runtime-function-xray-error-cause']));
    expect(cause.exceptions[0].type).toBe('OrderError');
    expect(cause.exceptions[0].message).toBe('no such order é');
    expect(cause.exceptions[0].stack[0].path).toContain('runtime-api.test.ts');
    expect(cause.working_directory).toBe(process.cwd());
    expect(logs.some((l) => /^\S+Z\treq-1\tERROR\tInvoke Error \t\{"errorType":"OrderError"/.test(l))).toBe(true);
  });

  it('reports thrown non-Error values like the Node.js runtime', async () => {
    run(async () => {
      throw 'plain string';
    });
    const r = await api.invoke({});
    expect(JSON.parse(r.body.toString())).toEqual({ errorType: 'string', errorMessage: 'plain string', stackTrace: [], trace: [] });
    expect(r.headers['lambda-runtime-function-error-type']).toBe('string');
    expect(r.headers['lambda-runtime-function-xray-error-cause']).toBeUndefined();
  });

  it('reports an invalid JSON event, an unserializable result and an oversized result', async () => {
    run(async (event: { kind?: string } | undefined) => {
      if (event?.kind === 'cycle') {
        const o: Record<string, unknown> = {};
        o.self = o;
        return o;
      }
      if (event?.kind === 'big') return 'x'.repeat(6_291_556);
      return 'fine';
    });
    const bad = await api.invoke('{not json');
    expect(bad.kind).toBe('error');
    expect(JSON.parse(bad.body.toString()).errorType).toBe('Runtime.InvalidEventPayload');
    const cycle = await api.invoke({ kind: 'cycle' });
    expect(JSON.parse(cycle.body.toString()).errorType).toBe('Runtime.JSONStringifyError');
    const big = await api.invoke({ kind: 'big' });
    expect(big.kind).toBe('error');
    expect(big.headers['lambda-runtime-function-error-type']).toBe('Function.ResponseSizeTooLarge');
    expect(JSON.parse(big.body.toString()).errorMessage).toBe(
      'Response payload size (6291558 bytes) exceeded maximum allowed payload size (6291556 bytes).',
    );
    expect((await api.invoke({})).body.toString()).toBe('"fine"');
  });

  it('turns a 413 from /response into a Function.ResponseSizeTooLarge error', async () => {
    run(async () => ({ ok: true }));
    api.responseFaults.push(413);
    const r = await api.invoke({});
    expect(r.kind).toBe('error');
    expect(JSON.parse(r.body.toString()).errorMessage).toBe(
      'Response payload size (11 bytes) exceeded maximum allowed payload size (6291556 bytes).',
    );
  });

  it('retries /next after 500s and dropped connections', async () => {
    api.nextFaults.push('status500', 'drop', 'status500');
    run(async () => 'ok');
    const r = await api.invoke({});
    expect(r.body.toString()).toBe('"ok"');
    expect(api.nextCalls).toBeGreaterThanOrEqual(4);
  });

  it('retries /response after a dropped connection and a 500', async () => {
    api.responseFaults.push('drop', 'status500');
    run(async () => 'ok');
    const r = await api.invoke({});
    expect(r.kind).toBe('response');
    expect(r.body.toString()).toBe('"ok"');
  });

  it('fails start() with a RuntimeApiError when the Runtime API stays down', async () => {
    api.nextFaults.push('status500', 'status500', 'status500', 'status500');
    const p = run(async () => 'ok', { retry: { retries: 3 } });
    await expect(p).rejects.toMatchObject({ name: 'Runtime.RuntimeApiError', status: 500 });
  });
});

describe('Runtime API: large events (parsed and answered as bytes)', () => {
  const units = ['aé€𝄞abcd', 'xyz', 'ünïcödé', 'tab\there "q" \\ back', '𝄞𝄞', 'Z'];
  const event = (i: number) => ({ i, list: [1, 'two', null, { deep: [true] }], data: units[i % units.length]!.repeat(Math.round(80_000 + i * 9_000) / 8 | 0), tail: `t${i}` });

  it('answers 8 large, different events in flight byte for byte as JSON.stringify, also across a retried /response', async () => {
    run(
      async (e: ReturnType<typeof event>) => {
        await new Promise((r) => setTimeout(r, (e.i * 7) % 20));
        return e.i % 2 === 0 ? e : { i: e.i, upper: e.data.toUpperCase(), len: e.data.length, kept: [e.list, e.tail] };
      },
      { env: { AWS_LAMBDA_MAX_CONCURRENCY: '4' } },
    );
    await api.waitOpenNext(4);
    api.responseFaults.push('drop');
    const events = Array.from({ length: 8 }, (_, i) => event(i));
    const posted = await Promise.all(events.map((e, i) => api.invoke(JSON.stringify(e), { 'Lambda-Runtime-Aws-Request-Id': `big${i}` })));
    for (const [i, p] of posted.entries()) {
      const e = events[i]!;
      const want = e.i % 2 === 0 ? e : { i: e.i, upper: e.data.toUpperCase(), len: e.data.length, kept: [e.list, e.tail] };
      expect(p.kind, `event ${i}`).toBe('response');
      expect(p.body.equals(Buffer.from(JSON.stringify(want))), `event ${i}`).toBe(true);
    }
  });

  it('reports a large invalid event, and a 413 with the byte size of a large result', async () => {
    run(async (e: { data: string }) => e);
    const bad = await api.invoke(`{"data":"${'x'.repeat(100_000)}\u0001${'y'.repeat(10)}\x01"}`);
    expect(bad.kind).toBe('error');
    expect(JSON.parse(bad.body.toString()).errorType).toBe('Runtime.InvalidEventPayload');
    const raw = await api.invoke(`{"data":"${'x'.repeat(100_000)}\u0001${String.fromCharCode(1)}"}`);
    expect(JSON.parse(raw.body.toString()).errorType).toBe('Runtime.InvalidEventPayload');
    api.responseFaults.push(413);
    const text = 'é'.repeat(70_000);
    const r = await api.invoke(JSON.stringify({ data: text }));
    expect(r.kind).toBe('error');
    expect(JSON.parse(r.body.toString()).errorMessage).toBe(
      `Response payload size (${Buffer.byteLength(JSON.stringify({ data: text }))} bytes) exceeded maximum allowed payload size (6291556 bytes).`,
    );
    const ok = await api.invoke(JSON.stringify({ data: text }));
    expect(ok.body.toString()).toBe(JSON.stringify({ data: text }));
  });
});

describe('init', () => {
  it('posts a rejected handler promise to /init/error and rejects start()', async () => {
    const p = run(Promise.reject(new SyntaxError('bad config')) as unknown as Handler<unknown, unknown>);
    const e = await api.waitFor('init-error');
    expect(e.headers['lambda-runtime-function-error-type']).toBe('SyntaxError');
    expect(JSON.parse(e.body.toString())).toMatchObject({ errorType: 'SyntaxError', errorMessage: 'bad config' });
    await expect(p).rejects.toThrow('bad config');
    expect(api.nextCalls).toBe(0);
  });

  it('rejects a 3-argument callback handler and a non-function', async () => {
    const cb = (_e: unknown, _c: Context, _callback: unknown) => undefined;
    const p = run(cb as unknown as Handler<unknown, unknown>);
    await expect(p).rejects.toMatchObject({ name: 'Runtime.CallbackHandlerDeprecated' });
    const p2 = run(42 as unknown as Handler<unknown, unknown>);
    await expect(p2).rejects.toMatchObject({ name: 'Runtime.HandlerNotFound' });
    expect(api.posted.filter((x) => x.kind === 'init-error').map((x) => x.headers['lambda-runtime-function-error-type'])).toEqual([
      'Runtime.CallbackHandlerDeprecated',
      'Runtime.HandlerNotFound',
    ]);
  });

  it('runs options.init before the first /next', async () => {
    const order: string[] = [];
    run(async () => order.join(','), {
      init: async () => {
        await new Promise((r) => setTimeout(r, 10));
        order.push(`init(next=${api.nextCalls})`);
      },
    });
    expect(JSON.parse((await api.invoke({})).body.toString())).toBe('init(next=0)');
  });
});

describe('Lambda Managed Instances', () => {
  it('runs AWS_LAMBDA_MAX_CONCURRENCY /next loops with contexts kept apart', async () => {
    const gate: (() => void)[] = [];
    run(
      async (event: { i: number }, context) => {
        await new Promise<void>((resolve) => gate.push(resolve));
        await new Promise((r) => setTimeout(r, Math.random() * 10));
        return { i: event.i, id: context.awsRequestId, current: currentContext()?.awsRequestId };
      },
      { env: { AWS_LAMBDA_MAX_CONCURRENCY: '4' } },
    );
    await api.waitOpenNext(4);
    expect(api.maxOpenNext).toBe(4);
    const results = Array.from({ length: 8 }, (_, i) => api.invoke({ i }, { 'Lambda-Runtime-Aws-Request-Id': `r${i}` }));
    while (gate.length < 4) await new Promise((r) => setTimeout(r, 5));
    expect(gate.length).toBe(4);
    const release = setInterval(() => gate.shift()?.(), 2);
    const posted = await Promise.all(results);
    clearInterval(release);
    for (const [i, p] of posted.entries()) {
      expect(JSON.parse(p.body.toString())).toEqual({ i, id: `r${i}`, current: `r${i}` });
    }
  });
});

describe('response streaming', () => {
  it('streams chunks with the streaming response mode and no trailers on success', async () => {
    run(
      streamifyResponse(async (event: { n: number }, stream) => {
        stream.setContentType('text/plain');
        for (let i = 0; i < event.n; i++) {
          stream.write(`chunk ${i}\n`);
          await new Promise((r) => setTimeout(r, 2));
        }
        stream.end();
      }),
    );
    const r = await api.invoke({ n: 5 });
    expect(r.kind).toBe('response');
    expect(r.headers['lambda-runtime-function-response-mode']).toBe('streaming');
    expect(r.headers['transfer-encoding']).toBe('chunked');
    expect(r.headers['content-type']).toBe('text/plain');
    expect(r.body.toString()).toBe('chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n');
    expect(r.chunks.length).toBeGreaterThan(1);
    expect(r.trailers).toEqual({});
  });

  it('ends the stream when the handler returns without ending it', async () => {
    run(streamifyResponse(async (_e, stream) => void stream.write('partial')));
    const r = await api.invoke({});
    expect(r.body.toString()).toBe('partial');
    expect(r.headers['content-type']).toBe('application/octet-stream');
  });

  it('writes the HTTP-integration prelude (JSON + 8 NUL bytes)', async () => {
    run(
      streamifyResponse(async (_e, stream) => {
        const body = httpResponseStream(stream, { statusCode: 201, headers: { 'x-a': 'b' }, cookies: ['c=d'] });
        body.end('hello');
      }),
    );
    const r = await api.invoke({});
    expect(r.headers['content-type']).toBe('application/vnd.awslambda.http-integration-response');
    const prelude = JSON.stringify({ statusCode: 201, headers: { 'x-a': 'b' }, cookies: ['c=d'] });
    expect(r.body.subarray(0, prelude.length).toString()).toBe(prelude);
    expect([...r.body.subarray(prelude.length, prelude.length + 8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.body.subarray(prelude.length + 8).toString()).toBe('hello');
  });

  it('reports a mid-stream error as HTTP trailers', async () => {
    run(
      streamifyResponse(async (_e, stream) => {
        stream.write('first part');
        await new Promise((r) => setTimeout(r, 5));
        throw new RangeError('went wrong');
      }),
    );
    const r = await api.invoke({});
    expect(r.kind).toBe('response');
    expect(r.body.toString()).toBe('first part');
    expect(r.trailers['lambda-runtime-function-error-type']).toBe('RangeError');
    const body = JSON.parse(Buffer.from(r.trailers['lambda-runtime-function-error-body']!, 'base64').toString());
    expect(body).toMatchObject({ errorType: 'RangeError', errorMessage: 'went wrong' });
  });

  it('reports stream.destroy(err) and the stream size limit as trailers', async () => {
    run(
      streamifyResponse(async (event: { mode: string }, stream) => {
        if (event.mode === 'destroy') {
          stream.write('x');
          stream.destroy(new TypeError('destroyed'));
          return;
        }
        for (let i = 0; i < 10; i++) {
          if (!stream.write(Buffer.alloc(1024, 97))) await new Promise((r) => stream.once('drain', r));
        }
        stream.end();
      }),
      { maxStreamBytes: 4096 },
    );
    const d = await api.invoke({ mode: 'destroy' });
    expect(d.trailers['lambda-runtime-function-error-type']).toBe('TypeError');
    const big = await api.invoke({ mode: 'big' });
    expect(big.trailers['lambda-runtime-function-error-type']).toBe('Function.ResponseSizeTooLarge');
    expect(big.body.length).toBeLessThanOrEqual(4096);
  });

  it('applies backpressure: write() returns false on a large body and drain follows', async () => {
    let sawFalse = false;
    run(
      streamifyResponse(async (_e, stream) => {
        const chunk = Buffer.alloc(64 * 1024, 98);
        for (let i = 0; i < 64; i++) {
          if (!stream.write(chunk)) {
            sawFalse = true;
            await new Promise((r) => stream.once('drain', r));
          }
        }
        stream.end();
      }),
    );
    const r = await api.invoke({});
    expect(r.body.length).toBe(64 * 64 * 1024);
    expect(sawFalse).toBe(true);
  });

  it('survives a connection dropped mid-stream and serves the next invocation', async () => {
    let aborted = 0;
    run(
      streamifyResponse(async (event: { n: number }, stream, context) => {
        context.signal.addEventListener('abort', () => aborted++);
        for (let i = 0; i < event.n; i++) {
          if (stream.destroyed) return;
          if (!stream.write(Buffer.alloc(16 * 1024, 99))) await new Promise((r) => { stream.once('drain', r); stream.once('close', r); });
          await new Promise((r) => setTimeout(r, 1));
        }
        stream.end('done');
      }),
    );
    api.streamDrops = 1;
    const lost = api.invoke({ n: 50 });
    while (api.droppedStreams === 0) await new Promise((r) => setTimeout(r, 5));
    const r = await api.invoke({ n: 1 });
    expect(r.body.length).toBe(16 * 1024 + 4);
    expect(r.body.subarray(-4).toString()).toBe('done');
    expect(aborted).toBeGreaterThanOrEqual(1);
    expect(logs.some((l) => l.includes('WARN') && l.includes('failed'))).toBe(true);
    void lost;
  });

  it('rejects setContentType after the first write', async () => {
    run(
      streamifyResponse(async (_e, stream) => {
        stream.write('a');
        stream.setContentType('text/html');
      }),
    );
    const r = await api.invoke({});
    expect(r.trailers['lambda-runtime-function-error-type']).toBe('Runtime.InvalidStreamingOperation');
  });
});
