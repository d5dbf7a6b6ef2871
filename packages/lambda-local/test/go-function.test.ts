// The go1.x side of the emulator against a function served by Go's own net/rpc and encoding/gob
// (test/go/gofunc: aws-lambda-go's Function service and messages types, standard library only).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFunction } from '@tslambda/lambda-local';

const source = path.join(path.dirname(fileURLToPath(import.meta.url)), 'go/gofunc');

function haveGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const goAvailable = (() => {
  if (haveGo()) return true;
  if (process.env.CI) throw new Error('go is required in CI for the lambda-local go1.x tests against Go');
  console.warn('[lambda-local] go not found: skipping the tests against a Go function (test/go/gofunc)');
  return false;
})();

/** Builds gofunc (GOPATH mode, stdlib only) into a temp dir keyed by its source. */
function gofunc(): string {
  const hash = createHash('sha256').update(readFileSync(path.join(source, 'main.go'))).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `tslambda-lambda-local-go-${hash}`);
  const bin = path.join(dir, 'gofunc');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${bin}.${process.pid}.tmp`;
    execFileSync('go', ['build', '-o', tmp, '.'], { cwd: source, env: { ...process.env, GO111MODULE: 'off' }, stdio: ['ignore', 'ignore', 'inherit'] });
    renameSync(tmp, bin);
  }
  return bin;
}

describe.skipIf(!goAvailable)('a Go function (net/rpc + gob) under go1.x', () => {
  let fn: LocalFunction;
  beforeAll(() => {
    fn = new LocalFunction({ entry: gofunc(), protocol: 'go1x', name: 'gofunc', timeout: 2 });
  }, 120_000);
  afterAll(() => fn?.close());

  it('pings, invokes, and passes every InvokeRequest field', async () => {
    const before = Date.now();
    const r = await fn.invoke({ hello: 'ƛ' }, {
      clientContext: { custom: { k: 'v' } },
      identity: { cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' },
      traceId: 'Root=1-5e1b4151-5ac6c58f5b5daa6532e4f1c3;Parent=1;Sampled=0',
    });
    expect(r.functionError, `${r.payload}\n${r.logs}`).toBeUndefined();
    const out = JSON.parse(r.payload.toString());
    expect(out).toMatchObject({
      event: { hello: 'ƛ' },
      requestId: r.requestId,
      traceId: 'Root=1-5e1b4151-5ac6c58f5b5daa6532e4f1c3;Parent=1;Sampled=0',
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:gofunc',
      clientContext: '{"custom":{"k":"v"}}',
      cognito: ['id-1', 'pool-1'],
      functionName: 'gofunc',
      executionEnv: 'AWS_Lambda_go1.x',
    });
    expect(out.deadlineMs).toBeGreaterThanOrEqual(before + 2000 - 5);
    expect(out.deadlineMs).toBeLessThanOrEqual(Date.now() + 2000);
    expect(r.logs).toContain(`invoked ${r.requestId}`);
    expect(r.report.initDurationMs).toBeGreaterThan(0);
  });

  it('turns InvokeResponse.Error into Lambda\'s error JSON', async () => {
    const r = await fn.invoke({ action: 'error' });
    expect(r.functionError).toBe('Unhandled');
    expect(r.errorType).toBe('errorString');
    expect(JSON.parse(r.payload.toString())).toEqual({
      errorMessage: 'bad input',
      errorType: 'errorString',
      stackTrace: [{ path: 'gofunc/main.go', line: 72, label: '(*Function).Invoke' }],
    });
  });

  it('restarts the process after ShouldExit, and after a timeout', async () => {
    const pid = JSON.parse((await fn.invoke({})).payload.toString()).pid;
    const panic = await fn.invoke({ action: 'panic' });
    expect(panic.errorType).toBe('runtime.Error');
    const afterPanic = JSON.parse((await fn.invoke({})).payload.toString()).pid;
    expect(afterPanic).not.toBe(pid);
    const slow = await fn.invoke({ action: 'sleep', ms: 5000 });
    expect(slow.errorType).toBe('Sandbox.Timedout');
    const afterTimeout = await fn.invoke({});
    expect(JSON.parse(afterTimeout.payload.toString()).pid).not.toBe(afterPanic);
  });
});
