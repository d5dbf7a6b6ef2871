// go1.x end to end: test/go/lambdasvc (Go's net/rpc with aws-lambda-go's message
// types) plays the Lambda service against real function processes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, ensureBuilt, fixtures, pkgDir } from './helpers/child.js';
import { goAvailable, lambdasvcBinary, runLambdaService, type ResponseError, type SessionResult, type StepResult } from './go/lambdasvc.js';

const FIXTURE = path.join(fixtures, 'go1x-function.mjs');
const STREAMING = path.join(fixtures, 'go1x-streaming.mjs');
const CJS = path.join(fixtures, 'go1x-function.cjs');
const BIN = path.join(pkgDir, 'dist/bin.js');
const LIMIT = 6_291_556;
const env = { ...baseEnv, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256' };

/** The 1-based line of `needle` in the fixture (where a frame must point). */
function lineOf(file: string, needle: string): number {
  const i = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ev = (o: unknown) => JSON.stringify(o);
const inv = (RequestId: string, event: unknown, more: Record<string, unknown> = {}) => ({
  Name: RequestId,
  Invoke: { Payload: event === undefined ? '' : ev(event), RequestId, DeadlineInMs: 30_000, ...more },
});

const bigRepeat = { Prefix: '{"do":"echo","data":"', Unit: 'aé€𝄞abcd', Count: 440_000, Suffix: '"}' };
const bigText = bigRepeat.Prefix + bigRepeat.Unit.repeat(bigRepeat.Count) + bigRepeat.Suffix;

const clientContext = {
  client: { installationId: 'inst-1', appTitle: 'App', appVersionName: '1.0', appVersionCode: '1', appPackageName: 'com.example' },
  env: { platformVersion: '14', platform: 'Android', make: 'Google', model: 'Pixel', locale: 'en_US' },
  Custom: { k: 'v' },
  w3c: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'a=b', baggage: 'user=1' },
};

let sessions: Map<string, SessionResult>;

function step(session: string, name: string): StepResult {
  const s = sessions.get(session);
  const r = s?.steps.find((x) => x.name === name);
  if (!r) throw new Error(`no step ${session}/${name}: ${JSON.stringify(s)}`);
  return r;
}

/** A handler error reply: the RPC succeeded, the payload is empty, the error is in InvokeResponse.Error. */
function handlerError(session: string, name: string): ResponseError {
  const r = step(session, name);
  expect(r.rpcError).toBe('');
  expect(r.payloadLen).toBe(0);
  expect(r.error).not.toBeNull();
  return r.error!;
}

function expectFrames(e: ResponseError, top: { Path: string; Line: number; Label: string } | undefined): void {
  expect(Array.isArray(e.StackTrace)).toBe(true);
  for (const f of e.StackTrace!) {
    expect(typeof f.Path).toBe('string');
    expect(f.Path.length).toBeGreaterThan(0);
    expect(Number.isInteger(f.Line) && f.Line >= 0).toBe(true);
    expect(f.Label.length).toBeGreaterThan(0);
  }
  if (top) expect(e.StackTrace![0]).toEqual(top);
}

describe.skipIf(!goAvailable)('go1.x transport against a Go net/rpc Lambda service', () => {
  beforeAll(async () => {
    ensureBuilt();
    const bin = lambdasvcBinary();
    const main = await runLambdaService(bin, FIXTURE, env, [
      {
        Name: 'main',
        Conns: 2,
        Steps: [
          { Name: 'ping', Ping: true },
          inv('ctx-full', { do: 'context' }, {
            TraceId: 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
            Arn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
            CognitoId: 'us-east-1:identity',
            CognitoPool: 'us-east-1:pool',
            ClientContext: ev(clientContext),
          }),
          inv('ctx-min', { do: 'context' }),
          inv('ctx-past', { do: 'context' }, { DeadlineInMs: -1500 }),
          inv('echo', { do: 'echo', text: 'héllo 𝄞', list: [1, 2.5, null, true] }),
          inv('empty', undefined),
          inv('undefined', { do: 'undefined' }),
          inv('throw-class', { do: 'throw-class' }),
          inv('throw-type', { do: 'throw-type' }),
          inv('throw-string', { do: 'throw-string' }),
          inv('throw-number', { do: 'throw-number' }),
          inv('throw-object', { do: 'throw-object' }),
          inv('throw-null', { do: 'throw-null' }),
          inv('reject', { do: 'reject' }),
          { Name: 'bad-json', Invoke: { Payload: '{"do":', RequestId: 'bad-json', DeadlineInMs: 30_000 } },
          inv('bad-cc', { do: 'context' }, { ClientContext: '{"client":' }),
          inv('array-cc', { do: 'context' }, { ClientContext: '[1,2]' }),
          { Name: 'big', Invoke: { PayloadRepeat: bigRepeat, RequestId: 'big', DeadlineInMs: 30_000 } },
          inv('at-limit', { do: 'big', n: LIMIT - 2 }),
          inv('too-large', { do: 'big', n: LIMIT - 1 }),
          {
            Parallel: [
              { ...inv('slow-0', { do: 'sleep', ms: 400 }), Conn: 0 },
              { ...inv('slow-1', { do: 'sleep', ms: 400 }), Conn: 0 },
              { ...inv('slow-2', { do: 'sleep', ms: 400 }), Conn: 1 },
              { ...inv('slow-3', { do: 'sleep', ms: 400 }), Conn: 1 },
              { Name: 'ping-during', Ping: true, Conn: 1 },
            ],
          },
          { Name: 'nope', Method: 'Function.Nope' },
          { Name: 'ping-after', Ping: true },
        ],
      },
      {
        Name: 'uncaught',
        Conns: 2,
        ExpectExit: true,
        Steps: [
          { Name: 'ping', Ping: true },
          {
            Parallel: [
              { ...inv('victim', { do: 'sleep', ms: 5000 }), Conn: 1 },
              { ...inv('uncaught', { do: 'uncaught', after: 100 }), Conn: 0 },
            ],
          },
        ],
      },
      {
        Name: 'unhandled',
        ExpectExit: true,
        Steps: [inv('unhandled', { do: 'unhandled', after: 20 })],
      },
    ]);
    const streaming = await runLambdaService(bin, STREAMING, env, [
      {
        Name: 'streaming',
        Steps: [inv('ok', { do: 'ok' }), inv('fail', { do: 'fail' }), inv('huge', { do: 'huge' }), inv('after', { do: 'ok' })],
      },
    ]);
    const cjs = await runLambdaService(bin, CJS, env, [{ Name: 'cjs', Steps: [{ Name: 'ping', Ping: true }, inv('cjs-1', { a: 1 })] }]);
    const task = { ...env, LAMBDA_TASK_ROOT: path.join(fixtures, 'task') };
    const viaBin = await runLambdaService(bin, BIN, { ...task, _HANDLER: 'esm.handler' }, [{ Name: 'bin', Steps: [inv('bin-1', { b: 2 })] }]);
    const initFail = await runLambdaService(bin, BIN, { ...task, _HANDLER: 'throws.handler' }, [{ Name: 'init-fail', Steps: [] }]);
    sessions = new Map([...main, ...streaming, ...cjs, ...viaBin].map((s) => [s.name, s]));
    for (const s of sessions.values()) expect(s.readyError, `${s.name}: ${s.stdout}${s.stderr}`).toBe('');
    sessions.set('init-fail', initFail[0]!);
  }, 120_000);

  it('answers Ping, and the function was started by the service with the Lambda environment', () => {
    for (const name of ['ping', 'ping-after']) {
      const r = step('main', name);
      expect(r.rpcError).toBe('');
    }
    expect(sessions.get('main')!.readyMs).toBeGreaterThan(0);
    // Killed by the service at the end, not exited on its own.
    expect(sessions.get('main')!.exited).toBe(false);
    expect(sessions.get('main')!.stderr).toBe('');
  });

  it('builds the context from every InvokeRequest field', () => {
    const r = step('main', 'ctx-full');
    expect(r.rpcError).toBe('');
    expect(r.error).toBeNull();
    const c = JSON.parse(r.payload!);
    expect(c).toEqual({
      awsRequestId: 'ctx-full',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
      functionName: 'fn',
      functionVersion: '$LATEST',
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/fn',
      logStreamName: 'stream',
      identity: { cognitoIdentityId: 'us-east-1:identity', cognitoIdentityPoolId: 'us-east-1:pool' },
      clientContext: { client: clientContext.client, env: clientContext.env, Custom: { k: 'v' } },
      w3c: clientContext.w3c,
      xRayTraceId: 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
      envTraceId: 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
      deadline: r.deadlineMs,
      remaining: c.remaining,
      aborted: false,
      abortReason: null,
      current: true,
    });
    expect(c.remaining).toBeGreaterThan(0);
    expect(c.remaining).toBeLessThanOrEqual(30_000);
  });

  it('leaves absent fields absent (no identity, client context or trace id)', () => {
    const r = step('main', 'ctx-min');
    const c = JSON.parse(r.payload!);
    expect(r.error).toBeNull();
    expect(c.awsRequestId).toBe('ctx-min');
    expect(c.invokedFunctionArn).toBe('');
    expect(c.identity).toBeNull();
    expect(c.clientContext).toBeNull();
    expect(c.w3c).toEqual({});
    expect(c.xRayTraceId).toBeNull();
    expect(c.envTraceId).toBeNull();
    expect(c.deadline).toBe(r.deadlineMs);
  });

  it('a deadline in the past: no time left, the signal already aborted with a TimeoutError', () => {
    const r = step('main', 'ctx-past');
    const c = JSON.parse(r.payload!);
    expect(r.error).toBeNull();
    expect(c.deadline).toBe(r.deadlineMs);
    expect(c.remaining).toBe(0);
    expect(c.aborted).toBe(true);
    expect(c.abortReason).toBe('TimeoutError');
  });

  it('returns the JSON result as the payload', () => {
    const echo = step('main', 'echo');
    expect(echo.rpcError).toBe('');
    expect(echo.error).toBeNull();
    expect(echo.payload).toBe(ev({ do: 'echo', text: 'héllo 𝄞', list: [1, 2.5, null, true] }));
    expect(step('main', 'empty').payload).toBe('{"got":null}');
    expect(step('main', 'undefined').payload).toBe('null');
  });

  it('reports a thrown Error subclass in InvokeResponse.Error with its name, message and stack frames', () => {
    const e = handlerError('main', 'throw-class');
    expect(e.Type).toBe('ValidationError');
    expect(e.Message).toBe('bad input');
    expect(e.ShouldExit).toBe(false);
    expectFrames(e, { Path: FIXTURE, Line: lineOf(FIXTURE, "throw new ValidationError('bad input')"), Label: 'handler' });
    const t = handlerError('main', 'throw-type');
    expect([t.Type, t.Message, t.ShouldExit]).toEqual(['TypeError', 'wrong type', false]);
    expectFrames(t, { Path: FIXTURE, Line: lineOf(FIXTURE, "throw new TypeError('wrong type')"), Label: 'handler' });
  });

  it('reports a rejected promise like a throw', () => {
    const e = handlerError('main', 'reject');
    expect([e.Type, e.Message, e.ShouldExit]).toEqual(['RangeError', 'rejected later', false]);
    expectFrames(e, { Path: FIXTURE, Line: lineOf(FIXTURE, "new RangeError('rejected later')"), Label: 'handler' });
  });

  it('reports thrown non-Error values as Go reports a panic value (type name, %v text)', () => {
    const cases: [string, string, string][] = [
      ['throw-string', 'string', 'boom'],
      ['throw-number', 'int', '42'],
      ['throw-object', 'map[string]interface {}', 'map[code:7 why:no]'],
      ['throw-null', 'PanicNilError', 'panic called with nil argument'],
    ];
    for (const [name, type, message] of cases) {
      const e = handlerError('main', name);
      // No frames: gob omits the empty slice, Go decodes it as nil.
      expect(e, name).toEqual({ Type: type, Message: message, StackTrace: null, ShouldExit: false });
    }
  });

  it('reports an invalid event and an undecodable client context as handler errors', () => {
    const bad = handlerError('main', 'bad-json');
    expect(bad.Type).toBe('Runtime.InvalidEventPayload');
    expect(bad.Message).toMatch(/^the event payload is not valid JSON: /);
    expect(bad.ShouldExit).toBe(false);
    expectFrames(bad, undefined);
    // As aws-lambda-go: json.Unmarshal of the client context fails the invocation.
    const cc = handlerError('main', 'bad-cc');
    expect([cc.Type, cc.StackTrace, cc.ShouldExit]).toEqual(['SyntaxError', null, false]);
    expect(cc.Message.length).toBeGreaterThan(0);
    expect(handlerError('main', 'array-cc')).toEqual({
      Type: 'UnmarshalTypeError',
      Message: 'json: cannot unmarshal array into Go value of type lambdacontext.ClientContext',
      StackTrace: null,
      ShouldExit: false,
    });
  });

  it('carries 6 MB payloads both ways and reports a response over the limit as Lambda does', () => {
    const big = step('main', 'big');
    expect(Buffer.byteLength(bigText)).toBeGreaterThan(6_000_000);
    expect(big.rpcError).toBe('');
    expect(big.error).toBeNull();
    expect(big.payloadLen).toBe(Buffer.byteLength(bigText));
    expect(big.payloadSha256).toBe(sha256(bigText));
    const at = step('main', 'at-limit');
    expect(at.error).toBeNull();
    expect(at.payloadLen).toBe(LIMIT);
    expect(at.payloadSha256).toBe(sha256(`"${'x'.repeat(LIMIT - 2)}"`));
    const e = handlerError('main', 'too-large');
    expect(e.Type).toBe('Function.ResponseSizeTooLarge');
    expect(e.Message).toBe(`Response payload size (${LIMIT + 1} bytes) exceeded maximum allowed payload size (${LIMIT} bytes).`);
    expect(e.ShouldExit).toBe(false);
  });

  it('runs slow invocations concurrently on several connections, each with its own context', () => {
    const runs = ['slow-0', 'slow-1', 'slow-2', 'slow-3'].map((n) => {
      const r = step('main', n);
      expect(r.rpcError).toBe('');
      expect(r.error).toBeNull();
      const p = JSON.parse(r.payload!);
      expect(p.id).toBe(n);
      expect(p.current).toBe(n);
      return p as { startedAt: number; endedAt: number };
    });
    // Every handler started before any of them finished.
    expect(Math.max(...runs.map((r) => r.startedAt))).toBeLessThan(Math.min(...runs.map((r) => r.endedAt)));
    const ping = step('main', 'ping-during');
    expect(ping.rpcError).toBe('');
    expect(ping.endMs).toBeLessThan(Math.min(...['slow-0', 'slow-2'].map((n) => step('main', n).endMs)));
  });

  it('answers an unknown method with net/rpc\'s error and keeps the connection', () => {
    expect(step('main', 'nope').rpcError).toBe("rpc: can't find method Function.Nope");
    expect(step('main', 'ping-after').rpcError).toBe('');
  });

  it('logs failed invocations like the Node.js runtime', () => {
    const out = sessions.get('main')!.stdout;
    expect(out).toMatch(/\tthrow-class\tERROR\tInvoke Error \t\{"errorType":"ValidationError","errorMessage":"bad input"/);
    expect(out).toMatch(/\tthrow-string\tERROR\tInvoke Error \t\{"errorType":"string","errorMessage":"boom"/);
  });

  it('an uncaught exception fails every invocation in flight with ShouldExit, then the process exits', () => {
    const s = sessions.get('uncaught')!;
    for (const name of ['uncaught', 'victim']) {
      const e = handlerError('uncaught', name);
      expect([e.Type, e.Message, e.ShouldExit]).toEqual(['RangeError', 'thrown from a timer', true]);
      expectFrames(e, { Path: FIXTURE, Line: lineOf(FIXTURE, "throw new RangeError('thrown from a timer')"), Label: 'Timeout._onTimeout' });
    }
    expect(s.exited).toBe(true);
    expect(s.exitCode).toBe(129);
  });

  it('an unhandled rejection is reported with ShouldExit, then the process exits', () => {
    const s = sessions.get('unhandled')!;
    const e = handlerError('unhandled', 'unhandled');
    expect(e.Type).toBe('Runtime.UnhandledPromiseRejection');
    expect(e.Message).toContain('nobody catches me');
    expect(e.ShouldExit).toBe(true);
    expect(s.exited).toBe(true);
    expect(s.exitCode).toBe(128);
  });

  it('collects a streaming handler\'s bytes into the payload (go1.x has no streaming)', () => {
    const ok = step('streaming', 'ok');
    expect([ok.rpcError, ok.error, ok.payload]).toEqual(['', null, 'hello world']);
    const fail = handlerError('streaming', 'fail');
    expect([fail.Type, fail.Message, fail.ShouldExit]).toEqual(['TypeError', 'stream broke', false]);
    expectFrames(fail, { Path: STREAMING, Line: lineOf(STREAMING, "throw new TypeError('stream broke')"), Label: 'anonymous' });
    const huge = handlerError('streaming', 'huge');
    expect(huge.Type).toBe('Function.ResponseSizeTooLarge');
    expect(huge.ShouldExit).toBe(false);
    expect(step('streaming', 'after').payload).toBe('hello world');
    expect(sessions.get('streaming')!.exited).toBe(false);
  });

  it('serves from the CommonJS build (the transport chunk loaded lazily)', () => {
    const r = step('cjs', 'cjs-1');
    expect([r.rpcError, r.error]).toEqual(['', null]);
    expect(JSON.parse(r.payload!)).toEqual({ event: { a: 1 }, id: 'cjs-1', loaded: true });
  });

  it('runs a _HANDLER module through the tslambda-runtime bin', () => {
    const r = step('bin', 'bin-1');
    expect([r.rpcError, r.error]).toEqual(['', null]);
    expect(JSON.parse(r.payload!)).toEqual({ kind: 'esm', event: { b: 2 }, id: 'bin-1' });
  });

  it('an init failure exits (129) before listening, with the error logged', () => {
    const s = sessions.get('init-fail')!;
    expect(s.readyError).toBe('the function exited before listening');
    expect(s.exitCode).toBe(129);
    expect(s.stdout + s.stderr).toContain('top-level failure');
  });
});

