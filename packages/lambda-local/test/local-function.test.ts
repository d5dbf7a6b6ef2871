import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EntryNotFoundError, InvalidPayloadError, LocalFunction, type LogRecord, type Protocol } from '@tslambda/lambda-local';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const opened: LocalFunction[] = [];
function fn(entry: string, options: Partial<ConstructorParameters<typeof LocalFunction>[0]> = {}): LocalFunction {
  const f = new LocalFunction({ entry: path.join(fixtures, entry), ...options });
  opened.push(f);
  return f;
}
afterAll(async () => {
  await Promise.all(opened.map((f) => f.close()));
});

describe.each<Protocol>(['api', 'go1x'])('LocalFunction under %s', (protocol) => {
  const echo = fn('echo.mjs', { name: 'echo', environment: { GREETING: 'hi' }, timeout: 3, protocol });
  const short = fn('echo.mjs', { timeout: 1, protocol });

  it('invokes with Lambda\'s environment and context, and stays warm', async () => {
    const first = await echo.invoke({ name: 'ƛ' }, { clientContext: { custom: { a: 1 } } });
    expect(first.functionError).toBeUndefined();
    const body = JSON.parse(first.payload.toString());
    expect(body.event).toEqual({ name: 'ƛ' });
    expect(body.requestId).toBe(first.requestId);
    expect(body.sameContext).toBe(true);
    expect(body.arn).toBe('arn:aws:lambda:us-east-1:123456789012:function:echo');
    expect(body.remainingMs).toBeGreaterThan(1000);
    expect(body.remainingMs).toBeLessThanOrEqual(3000);
    expect(body.clientContext).toMatchObject({ custom: { a: 1 } });
    expect(body.env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'echo',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/echo',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: protocol === 'api' ? 'AWS_Lambda_provided.al2023' : 'AWS_Lambda_go1.x',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      LAMBDA_TASK_ROOT: fixtures,
      _HANDLER: 'echo.mjs',
      TZ: ':UTC',
      GREETING: 'hi',
    });
    if (protocol === 'api') {
      expect(body.env.AWS_LAMBDA_RUNTIME_API).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(body.env._LAMBDA_SERVER_PORT).toBeUndefined();
    } else {
      expect(body.env._LAMBDA_SERVER_PORT).toMatch(/^\d+$/);
      expect(body.env.AWS_LAMBDA_RUNTIME_API).toBeUndefined();
    }
    expect(body.env._X_AMZN_TRACE_ID).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    expect(body.env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(first.report.initDurationMs).toBeGreaterThan(0);
    expect(first.report.billedDurationMs).toBeGreaterThanOrEqual(Math.ceil(first.report.durationMs));
    expect(first.logs).toMatch(new RegExp(`^START RequestId: ${first.requestId} Version: \\$LATEST$`, 'm'));
    expect(first.logs).toMatch(new RegExp(`^END RequestId: ${first.requestId}$`, 'm'));
    expect(first.logs).toMatch(/^REPORT RequestId: \S+\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms$/m);

    const second = await echo.invoke({ n: 2 });
    const body2 = JSON.parse(second.payload.toString());
    expect(body2.pid).toBe(body.pid);
    expect(body2.invocations).toBe(2);
    expect(second.report.initDurationMs).toBeUndefined();
    expect(second.logs).not.toContain('Init Duration');
  });

  it('returns handler errors as Unhandled function errors with the function\'s log', async () => {
    const r = await echo.invoke({ action: 'throw', message: 'no stock' });
    expect(r.functionError).toBe('Unhandled');
    expect(r.errorType).toBe('OrderError');
    expect(JSON.parse(r.payload.toString())).toMatchObject({ errorType: 'OrderError', errorMessage: 'no stock' });
    expect(r.logs).toMatch(/ERROR\tInvoke Error/);
    expect(r.report.status).toBe('error');
  });

  it('captures the invocation\'s output lines', async () => {
    const r = await echo.invoke({ action: 'log', lines: ['one', 'two'] });
    expect(r.logs).toMatch(new RegExp(`\\t${r.requestId}\\tINFO\\tone`));
    expect(r.logs).toMatch(/\tINFO\ttwo/);
  });

  it('kills a function that times out, reports it, and restarts on the next invocation', async () => {
    const before = JSON.parse((await short.invoke({})).payload.toString()).pid;
    const r = await short.invoke({ action: 'sleep', ms: 3000 });
    expect(r.functionError).toBe('Unhandled');
    expect(r.errorType).toBe('Sandbox.Timedout');
    expect(JSON.parse(r.payload.toString()).errorMessage).toBe(`RequestId: ${r.requestId} Error: Task timed out after 1.00 seconds`);
    expect(r.logs).toMatch(new RegExp(`Z ${r.requestId} Task timed out after 1\\.00 seconds`));
    expect(r.logs).toMatch(/\tStatus: timeout/);
    expect(r.report.durationMs).toBeGreaterThanOrEqual(990);
    const after = await short.invoke({});
    expect(JSON.parse(after.payload.toString()).pid).not.toBe(before);
    expect(after.report.initDurationMs).toBeGreaterThan(0);
  });

  it('reports a process that exits during an invocation, then restarts it', async () => {
    const r = await echo.invoke({ action: 'exit', code: 3 });
    expect(r.errorType).toBe('Runtime.ExitError');
    expect(JSON.parse(r.payload.toString()).errorMessage).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: exit status 3`);
    const ok = await echo.invoke({ ok: true });
    expect(ok.functionError).toBeUndefined();
  });

  it('rejects payloads Lambda rejects', async () => {
    await expect(echo.invoke(Buffer.from('{nope'))).rejects.toBeInstanceOf(InvalidPayloadError);
    await expect(echo.invoke({ big: 'x'.repeat(6_300_000) })).rejects.toMatchObject({ awsType: 'RequestTooLargeException' });
  });

  it('restarts a process that dies of an uncaught exception', async () => {
    const before = JSON.parse((await echo.invoke({})).payload.toString()).pid;
    const r = await echo.invoke({ action: 'uncaught' });
    expect(r.functionError).toBe('Unhandled');
    // The runtime reports the uncaught error as the invocation's (go1.x: with ShouldExit), then exits.
    expect(r.errorType).toBe('Error');
    expect(JSON.parse(r.payload.toString()).errorMessage).toBe('async boom');
    const after = await echo.invoke({});
    expect(after.functionError).toBeUndefined();
    expect(JSON.parse(after.payload.toString()).pid).not.toBe(before);
  });

  it('reports a response over 6 MB as Function.ResponseSizeTooLarge', async () => {
    const r = await echo.invoke({ action: 'big', bytes: 6_300_000 });
    expect(r.errorType).toBe('Function.ResponseSizeTooLarge');
  });
});

describe('LocalFunction scaling', () => {
  it('adds instances up to the concurrency and reuses them', async () => {
    const f = fn('echo.mjs', { concurrency: 2 });
    const results = await Promise.all([1, 2, 3, 4].map(() => f.invoke({ action: 'sleep', ms: 150 })));
    const pids = new Set(results.map((r) => JSON.parse(r.payload.toString()).pid));
    expect(pids.size).toBe(2);
    expect(f.instanceCount).toBe(2);
  });
});

describe('LocalFunction streaming', () => {
  const stream = fn('stream.mjs');

  it('passes streamed chunks as they come', async () => {
    const res = await stream.invokeStream({ chunks: 3, pause: 50 });
    expect(res.streamed).toBe(true);
    expect(res.contentType).toBe('application/octet-stream');
    const arrivals: number[] = [];
    const chunks: string[] = [];
    for await (const chunk of res.body) {
      arrivals.push(Date.now());
      chunks.push(String(chunk));
    }
    expect(chunks.join('')).toBe('chunk 0\nchunk 1\nchunk 2\n');
    expect(arrivals.length).toBeGreaterThanOrEqual(2);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(60);
    expect((await res.result).functionError).toBeUndefined();
  });

  it('reports an error after the first byte from the trailers', async () => {
    const r = await stream.invoke({ fail: true });
    expect(r.payload.toString()).toBe('chunk 0\n');
    expect(r.functionError).toBe('Unhandled');
    expect(r.errorType).toBe('TypeError');
  });

  it('keeps the HTTP-integration prelude for Function URLs', async () => {
    const r = await stream.invoke({ http: true, chunks: 1 });
    expect(r.contentType).toBe('application/vnd.awslambda.http-integration-response');
    const text = r.payload.toString('latin1');
    const sep = text.indexOf('\0'.repeat(8));
    expect(JSON.parse(text.slice(0, sep))).toMatchObject({ statusCode: 201, cookies: ['a=1'] });
    expect(text.slice(sep + 8)).toBe('chunk 0\n');
  });
});

describe('entries and init errors', () => {
  it('runs file.export handlers through tslambda-runtime under both protocols', async () => {
    const r = await fn('handlers.hello').invoke({ name: 'ƛ' });
    expect(JSON.parse(r.payload.toString())).toEqual({ hello: 'ƛ' });
    const g = await fn('handlers.hello', { protocol: 'go1x' }).invoke({ name: 'go' });
    expect(JSON.parse(g.payload.toString())).toEqual({ hello: 'go' });
    const deep = await fn('handlers.nested.deep').invoke({});
    expect(JSON.parse(deep.payload.toString())).toBe('deep');
  });

  it('reports init errors with INIT_REPORT', async () => {
    const lines: LogRecord[] = [];
    const f = fn('init-throws.handler', { onLog: (r) => lines.push(r) });
    const r = await f.invoke({});
    expect(r.functionError).toBe('Unhandled');
    expect(r.errorType).toBe('ConfigError');
    expect(JSON.parse(r.payload.toString())).toMatchObject({ errorType: 'ConfigError', errorMessage: 'missing TABLE_NAME' });
    expect(r.logs).toMatch(/^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: error\tError Type: ConfigError$/m);
    expect(lines.some((l) => l.type === 'platform' && l.line.startsWith('REPORT'))).toBe(true);
    const missing = await fn('handlers.nope').invoke({});
    expect(missing.errorType).toBe('Runtime.HandlerNotFound');
  });

  it('reports a go1.x init failure as Runtime.ExitError with the process output', async () => {
    const r = await fn('init-throws.handler', { protocol: 'go1x' }).invoke({});
    expect(r.functionError).toBe('Unhandled');
    expect(r.errorType).toBe('Runtime.ExitError');
    expect(JSON.parse(r.payload.toString()).errorMessage).toMatch(/^Runtime exited with error: exit status \d+$/);
    expect(r.logs).toContain('missing TABLE_NAME');
    expect(r.logs).toMatch(/^INIT_REPORT .*Status: error\tError Type: Runtime.ExitError$/m);
  });

  it('times out an init that never finishes', async () => {
    const r = await fn('init-hangs.mjs', { initTimeout: 0.5 }).invoke({});
    expect(r.errorType).toBe('Sandbox.Timedout');
    expect(r.logs).toMatch(/Phase: init\tStatus: timeout/);
  });

  it('rejects an entry that does not exist', () => {
    expect(() => new LocalFunction({ entry: path.join(fixtures, 'missing.handler') })).toThrow(EntryNotFoundError);
  });
});
