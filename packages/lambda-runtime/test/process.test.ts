// The runtime as Lambda runs it: a child process against a real HTTP server playing the Runtime API.
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeRuntimeApi } from './helpers/fake-runtime-api.js';
import { ensureBuilt, fixtures, pkgDir, spawnNode, stopProcess, type Spawned } from './helpers/child.js';

const fn = path.join(fixtures, 'function.mjs');
const bin = path.join(pkgDir, 'dist/bin.js');
let api: FakeRuntimeApi;
let proc: Spawned | undefined;

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  api = new FakeRuntimeApi();
  await api.listen();
});
afterEach(async () => {
  await stopProcess(proc);
  proc = undefined;
  await api.close();
});

function run(args: string[], env: Record<string, string> = {}): Spawned {
  proc = spawnNode(args, { AWS_LAMBDA_RUNTIME_API: api.endpoint, ...env });
  return proc;
}

function json(p: { body: Buffer }): unknown {
  return JSON.parse(p.body.toString());
}

describe('start() in a function process', () => {
  it('serves invocations and sets _X_AMZN_TRACE_ID per invoke', async () => {
    run([fn]);
    expect(json(await api.invoke({ hi: 1 }, { 'Lambda-Runtime-Aws-Request-Id': 'a1' }))).toEqual({ echo: { hi: 1 }, id: 'a1' });
    const t1 = await api.invoke({ do: 'trace' }, { 'Lambda-Runtime-Trace-Id': 'Root=1-aaa;Sampled=1', 'Lambda-Runtime-Aws-Request-Id': 't1' });
    expect(json(t1)).toEqual({ env: 'Root=1-aaa;Sampled=1', id: 't1' });
    const t2 = await api.invoke({ do: 'trace' }, { 'Lambda-Runtime-Aws-Request-Id': 't2' });
    expect(json(t2)).toEqual({ env: null, id: 't2' });
  });

  it('tags console output with the request id in the text format', async () => {
    const p = run([fn]);
    await api.invoke({ do: 'log' }, { 'Lambda-Runtime-Aws-Request-Id': 'log-1' });
    const lines = p.stdout().split('\n').filter(Boolean);
    const ts = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${ts}\\tlog-1\\tINFO\\thello { a: 1 } multi\\rline$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${ts}\\tlog-1\\tWARN\\twarn line$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${ts}\\tlog-1\\tERROR\\tTypeError: logged error\\r    at `)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${ts}\\tlog-1\\tERROR\\tstructured {"orderId":7}$`)));
  });

  it('writes JSON lines filtered by AWS_LAMBDA_LOG_LEVEL', async () => {
    const p = run([fn], { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: 'WARN' });
    await api.invoke({ do: 'log' }, { 'Lambda-Runtime-Aws-Request-Id': 'log-2', 'Lambda-Runtime-Aws-Tenant-Id': 'green' });
    const records = p.stdout().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(records.map((r) => r.level)).toEqual(['WARN', 'ERROR', 'ERROR']);
    expect(records[0]).toMatchObject({ level: 'WARN', requestId: 'log-2', tenantId: 'green', message: 'warn line' });
    // A lone Error argument becomes the message object, as in the Node.js runtime.
    expect(records[1]).toMatchObject({ level: 'ERROR', message: { errorType: 'TypeError', errorMessage: 'logged error' } });
    expect(records[1].message.stackTrace[0]).toBe('TypeError: logged error');
    expect(records[2]).toMatchObject({ level: 'ERROR', message: 'structured', orderId: 7 });
    expect(typeof records[0].timestamp).toBe('string');
  });

  it('posts an uncaught exception as the invocation error, then exits 129', async () => {
    const p = run([fn]);
    const r = await api.invoke({ do: 'uncaught' });
    expect(r.kind).toBe('error');
    expect(r.headers['lambda-runtime-function-error-type']).toBe('RangeError');
    expect(json(r)).toMatchObject({ errorType: 'RangeError', errorMessage: 'thrown from a timer' });
    const exit = await p.exited;
    expect(exit.code).toBe(129);
    expect(exit.stdout).toContain('Uncaught Exception');
  });

  it('posts an unhandled rejection as Runtime.UnhandledPromiseRejection, then exits 128', async () => {
    const p = run([fn]);
    const r = await api.invoke({ do: 'reject' });
    expect(r.headers['lambda-runtime-function-error-type']).toBe('Runtime.UnhandledPromiseRejection');
    expect(json(r)).toMatchObject({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: nobody catches me' });
    expect((await p.exited).code).toBe(128);
  });

  it('posts an init failure to /init/error and exits 129', async () => {
    const p = run([fn], { FIXTURE_INIT_FAIL: '1' });
    const e = await api.waitFor('init-error');
    expect(e.headers['lambda-runtime-function-error-type']).toBe('Error');
    expect(json(e)).toMatchObject({ errorType: 'Error', errorMessage: 'database unreachable' });
    expect((await p.exited).code).toBe(129);
    expect(api.nextCalls).toBe(0);
  });

  it('posts an uncaught exception during init to /init/error and exits 129', async () => {
    const p = run([fn], { FIXTURE_INIT_UNCAUGHT: '1' });
    const e = await api.waitFor('init-error');
    expect(json(e)).toMatchObject({ errorType: 'EvalError', errorMessage: 'exploded during init' });
    expect((await p.exited).code).toBe(129);
  });

  it('registers the internal extension and runs shutdown hooks on SIGTERM', async () => {
    const p = run([fn], { FIXTURE_HOOKS: '1' });
    const reg = await api.waitFor('extension');
    expect(reg.headers['lambda-extension-name']).toBe('tslambda-runtime');
    expect(JSON.parse(reg.body.toString())).toEqual({ events: [] });
    await api.invoke({});
    p.child.kill('SIGTERM');
    const exit = await p.exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('SHUTDOWN HOOK RAN');
  });

  it('SnapStart: runs beforeSnapshot, waits on /restore/next, runs afterRestore, then serves', async () => {
    const p = run([fn], { FIXTURE_HOOKS: '1', AWS_LAMBDA_INITIALIZATION_TYPE: 'snap-start' });
    expect(json(await api.invoke({ x: 1 }, { 'Lambda-Runtime-Aws-Request-Id': 's1' }))).toEqual({ echo: { x: 1 }, id: 's1' });
    expect(api.restoreNextCalls).toBe(1);
    const out = p.stdout();
    expect(out.indexOf('BEFORE SNAPSHOT')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('AFTER RESTORE')).toBeGreaterThan(out.indexOf('BEFORE SNAPSHOT'));
  });

  it('SnapStart: reports an afterRestore failure to /restore/error', async () => {
    const p = run([fn], { FIXTURE_HOOKS: '1', AWS_LAMBDA_INITIALIZATION_TYPE: 'snap-start', FIXTURE_RESTORE_FAIL: '1' });
    const e = await api.waitFor('restore-error');
    expect(json(e)).toMatchObject({ errorType: 'Runtime.SnapStartHookError' });
    expect((json(e) as { errorMessage: string }).errorMessage).toContain('cannot reconnect');
    expect((await p.exited).code).toBe(129);
  });
});

describe('misconfiguration', () => {
  it('exits 78 with a clear message when no protocol variable is set', async () => {
    proc = spawnNode([fn], {});
    const exit = await proc.exited;
    expect(exit.code).toBe(78);
    expect(exit.stderr).toContain('neither _LAMBDA_SERVER_PORT (go1.x) nor AWS_LAMBDA_RUNTIME_API (Runtime API) is set');
  });

  it('exits 78 on a bad _LAMBDA_SERVER_PORT', async () => {
    proc = spawnNode([fn], { _LAMBDA_SERVER_PORT: '70000' });
    const exit = await proc.exited;
    expect(exit.code).toBe(78);
    expect(exit.stderr).toContain('_LAMBDA_SERVER_PORT must be a TCP port (1-65535), got "70000"');
  });

  it('exits 78 on a bad AWS_LAMBDA_RUNTIME_API', async () => {
    proc = spawnNode([fn], { AWS_LAMBDA_RUNTIME_API: 'http://x/y' });
    expect((await proc.exited).code).toBe(78);
  });

  it('go1.x selected on a port in use: exits 70 naming the transport', async () => {
    // The fake Runtime API's port is taken, so the go1.x listener cannot bind it.
    const port = api.endpoint.split(':')[1]!;
    proc = spawnNode([fn], { _LAMBDA_SERVER_PORT: port, AWS_LAMBDA_RUNTIME_API: api.endpoint });
    const exit = await proc.exited;
    expect(exit.code).toBe(70);
    expect(exit.stdout).toContain('could not start the go1.x transport');
    expect(exit.stdout).toContain('EADDRINUSE');
  });
});

describe('tslambda-runtime bin (_HANDLER like aws-lambda-ric)', () => {
  const task = path.join(fixtures, 'task');
  const taskCjs = path.join(fixtures, 'task-cjs');

  it('loads an .mjs export', async () => {
    run([bin], { LAMBDA_TASK_ROOT: task, _HANDLER: 'esm.handler' });
    expect(json(await api.invoke({ a: 1 }, { 'Lambda-Runtime-Aws-Request-Id': 'b1' }))).toEqual({ kind: 'esm', event: { a: 1 }, id: 'b1' });
  });

  it('loads a .js ES module and a nested export path', async () => {
    run([bin], { LAMBDA_TASK_ROOT: task, _HANDLER: 'index.handler' });
    expect(json(await api.invoke({ b: 2 }))).toEqual({ kind: 'js-esm', event: { b: 2 } });
  });

  it('takes the handler as an argument too, with nested export paths', async () => {
    run([bin, 'esm.nested.deeper.fn'], { LAMBDA_TASK_ROOT: task });
    expect(json(await api.invoke({}))).toBe('nested');
  });

  it('loads CommonJS (.js in a commonjs package and .cjs)', async () => {
    run([bin], { LAMBDA_TASK_ROOT: taskCjs, _HANDLER: 'index.handler' });
    expect(json(await api.invoke({ c: 3 }))).toEqual({ kind: 'cjs', event: { c: 3 }, fn: 'fn' });
    proc!.child.kill('SIGKILL');
    await proc!.exited;
    run([bin], { LAMBDA_TASK_ROOT: taskCjs, _HANDLER: 'app.handlers.main' });
    expect(json(await api.invoke({}))).toBe('cjs nested');
  });

  it('provides the awslambda global (streamifyResponse, HttpResponseStream.from)', async () => {
    run([bin], { LAMBDA_TASK_ROOT: task, _HANDLER: 'streaming.handler' });
    const r = await api.invoke({});
    expect(r.headers['lambda-runtime-function-response-mode']).toBe('streaming');
    expect(r.headers['content-type']).toBe('application/vnd.awslambda.http-integration-response');
    const text = r.body.toString();
    expect(text.endsWith('\0'.repeat(8) + 'streamed body')).toBe(true);
  });

  const initErrors: [string, string, string][] = [
    ['nope.handler', 'Runtime.ImportModuleError', "Cannot find module 'nope'"],
    ['missing-dep.handler', 'Runtime.ImportModuleError', 'this-package-does-not-exist-anywhere'],
    ['syntax.handler', 'Runtime.UserCodeSyntaxError', 'SyntaxError'],
    ['esm.missing', 'Runtime.HandlerNotFound', 'esm.missing is undefined or not exported'],
    ['esm.notAFunction', 'Runtime.HandlerNotFound', 'esm.notAFunction is not a function'],
    ['esm', 'Runtime.MalformedHandlerName', 'Bad handler esm'],
    ['throws.handler', 'Error', 'top-level failure'],
    ['callback.handler', 'Runtime.CallbackHandlerDeprecated', 'callback-based handlers'],
  ];
  for (const [handler, type, message] of initErrors) {
    it(`reports ${handler} as ${type} on /init/error`, async () => {
      const p = run([bin], { LAMBDA_TASK_ROOT: task, _HANDLER: handler });
      const e = await api.waitFor('init-error');
      expect(e.headers['lambda-runtime-function-error-type']).toBe(type);
      const body = json(e) as { errorType: string; errorMessage: string };
      expect(body.errorType).toBe(type);
      expect(body.errorMessage).toContain(message);
      expect((await p.exited).code).toBe(129);
    });
  }
});
