// Response streaming end to end: a gateway function in a child process under the Runtime API
// transport, a real HTTP server on 127.0.0.1 playing the Runtime API; prelude, chunks, trailers.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restEvent, urlEvent } from './helpers/events.js';
import { ensureBuilt, RuntimeApi, spawnFunction, splitPrelude } from './helpers/runtime-api.js';

const INTEGRATION = 'application/vnd.awslambda.http-integration-response';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('close', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A function process running `script` under a real Runtime API server, for one describe block. */
function functionUnder(script: string): { api: RuntimeApi; fn: ReturnType<typeof spawnFunction> } {
  const env = {} as { api: RuntimeApi; fn: ReturnType<typeof spawnFunction> };
  beforeAll(async () => {
    ensureBuilt();
    env.api = new RuntimeApi();
    await env.api.listen();
    env.fn = spawnFunction(script, env.api);
  });
  afterAll(async () => {
    await stop(env.fn.child);
    await env.api.close();
  });
  return env;
}

describe('fetch apps with handleStreaming (start(app, { streaming: true }))', () => {
  const env = functionUnder('stream-app.mjs');

  it('streams a ReadableStream body chunk by chunk after the prelude', async () => {
    const r = await env.api.invoke(urlEvent({ rawPath: '/stream' }));
    expect(r.kind).toBe('response');
    expect(r.headers['lambda-runtime-function-response-mode']).toBe('streaming');
    expect(r.headers['content-type']).toBe(INTEGRATION);
    const { prelude, rest } = splitPrelude(r.body);
    expect(prelude).toEqual({ statusCode: 200, headers: { 'content-type': 'text/plain', 'x-mode': 'streamed' } });
    expect(rest.toString()).toBe('chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n');
    expect(r.chunks.length).toBeGreaterThan(2);
    expect(r.trailers).toEqual({});
  });

  it('mixing streamed and buffered routes: a buffered Response in the same function, cookies in the prelude', async () => {
    const r = await env.api.invoke(urlEvent({ rawPath: '/buffered' }));
    const { prelude, rest } = splitPrelude(r.body);
    expect(prelude).toEqual({ statusCode: 201, headers: { 'content-type': 'application/json' }, cookies: ['a=1; Path=/', 'b=2; Path=/'] });
    expect(JSON.parse(rest.toString())).toEqual({ buffered: true });
  });

  it('REST streaming integrations get multiValueHeaders for several cookies', async () => {
    const r = await env.api.invoke(restEvent({ path: '/buffered', pathParameters: { proxy: 'buffered' } }));
    const { prelude } = splitPrelude(r.body);
    expect(prelude).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/json' },
      multiValueHeaders: { 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] },
    });
  });

  it('bodiless streaming responses (hono#2401, srvx#204, middy#1189): 204 and redirects send the prelude and end', async () => {
    const empty = await env.api.invoke(urlEvent({ rawPath: '/empty' }));
    const e = splitPrelude(empty.body);
    expect(e.prelude).toEqual({ statusCode: 204, headers: { 'x-empty': 'yes' } });
    expect(e.rest.length).toBe(0);
    const redirect = await env.api.invoke(urlEvent({ rawPath: '/redirect' }));
    const d = splitPrelude(redirect.body);
    expect(d.prelude).toEqual({ statusCode: 302, headers: { location: 'https://example.com/elsewhere' } });
    expect(d.rest.length).toBe(0);
    expect(redirect.trailers).toEqual({});
  });

  it('HEAD gets the prelude only', async () => {
    const r = await env.api.invoke(urlEvent({ rawPath: '/stream' }, { http: { method: 'HEAD', path: '/stream', protocol: 'HTTP/1.1', sourceIp: '1.1.1.1', userAgent: 'x' } }));
    const { prelude, rest } = splitPrelude(r.body);
    expect(prelude.statusCode).toBe(200);
    expect(rest.length).toBe(0);
  });

  it('an error after the first byte reaches the caller as stream trailers', async () => {
    const r = await env.api.invoke(urlEvent({ rawPath: '/fail' }));
    const { prelude, rest } = splitPrelude(r.body);
    expect(prelude.statusCode).toBe(200);
    expect(rest.toString()).toBe('partial');
    expect(r.trailers['lambda-runtime-function-error-type']).toBe('RangeError');
    const body = JSON.parse(Buffer.from(r.trailers['lambda-runtime-function-error-body']!, 'base64').toString()) as Record<string, unknown>;
    expect(body).toMatchObject({ errorType: 'RangeError', errorMessage: 'source broke' });
  });

  it('an error before the first byte is reported too (trailers, no prelude)', async () => {
    const r = await env.api.invoke(urlEvent({ rawPath: '/throw' }));
    expect(r.trailers['lambda-runtime-function-error-type']).toBe('TypeError');
    expect(r.body.length).toBe(0);
  });

  it('backpressure: the body is pulled no faster than the Runtime API reads it', async () => {
    const total = 32 * 1024 * 1024;
    let pausedAt = '';
    env.api.onResponse = (req) => {
      req.once('data', () => {
        req.pause();
        setTimeout(() => {
          pausedAt = env.fn.stdout();
          req.resume();
        }, 400);
      });
    };
    const r = await env.api.invoke(urlEvent({ rawPath: '/big' }));
    env.api.onResponse = undefined;
    const pulledWhilePaused = Math.max(0, ...[...pausedAt.matchAll(/pulled (\d+)/g)].map((m) => Number(m[1])));
    expect(pulledWhilePaused).toBeLessThan(total / 2);
    const { rest } = splitPrelude(r.body);
    expect(rest.length).toBe(total);
    for (const at of [0, 1, 250, 251, 65_535, 65_536, total - 1]) expect(rest[at]).toBe(at % 251);
    expect(r.trailers).toEqual({});
  });

  it('keeps serving after all of the above', async () => {
    const r = await env.api.invoke(urlEvent({ rawPath: '/missing' }));
    expect(splitPrelude(r.body).prelude.statusCode).toBe(404);
    expect(env.fn.child.exitCode).toBeNull();
  });
});

describe('Node apps with handleNodeStreaming (startNode(listener, { streaming: true }))', () => {
  const env = functionUnder('node-stream-app.mjs');

  it('writes the prelude when the head is final, then each res.write()', async () => {
    const r = await env.api.invoke(urlEvent({ rawPath: '/' }));
    const { prelude, rest } = splitPrelude(r.body);
    expect(prelude).toEqual({ statusCode: 200, headers: { 'content-type': 'text/plain' } });
    expect(rest.toString()).toBe('node streamed');
  });

  it('304 sends the prelude alone', async () => {
    const r = await env.api.invoke(urlEvent({ rawPath: '/empty' }));
    const { prelude, rest } = splitPrelude(r.body);
    expect(prelude.statusCode).toBe(304);
    expect(rest.length).toBe(0);
  });

  it("res.write() returns false and 'drain' fires as the Runtime API connection fills and empties", async () => {
    env.api.onResponse = (req) => {
      req.once('data', () => {
        req.pause();
        setTimeout(() => req.resume(), 200);
      });
    };
    const r = await env.api.invoke(urlEvent({ rawPath: '/big' }));
    env.api.onResponse = undefined;
    const { rest } = splitPrelude(r.body);
    expect(rest.length).toBe(8 * 1024 * 1024);
    expect(rest[0]).toBe(0);
    expect(rest[rest.length - 1]).toBe(127);
    await sleep(20);
    const waits = Number(/drain waits (\d+)/.exec(env.fn.stdout())?.[1] ?? -1);
    expect(waits).toBeGreaterThan(0);
  });
});

describe('start(app): buffered, under the Runtime API', () => {
  const env = functionUnder('buffered-app.mjs');

  it('answers each event kind with its result JSON', async () => {
    const r = await env.api.invoke(restEvent({ httpMethod: 'POST', path: '/items/1', body: 'hi' }));
    expect(r.kind).toBe('response');
    expect(r.headers['lambda-runtime-function-response-mode']).toBeUndefined();
    const result = JSON.parse(r.body.toString()) as Record<string, unknown>;
    expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: false, multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] } });
    expect(JSON.parse(result.body as string)).toEqual({ path: '/items/1', kind: 'rest', id: 'req-1', body: 'hi' });
    const v2 = JSON.parse((await env.api.invoke(urlEvent({ rawPath: '/x' }))).body.toString()) as Record<string, unknown>;
    expect(v2.cookies).toEqual(['a=1', 'b=2']);
  });

  it('an app error and a non-HTTP event become invocation errors', async () => {
    const boom = await env.api.invoke(urlEvent({ rawPath: '/boom' }));
    expect(boom.kind).toBe('error');
    expect(JSON.parse(boom.body.toString())).toMatchObject({ errorType: 'Error', errorMessage: 'app failed' });
    const sqs = await env.api.invoke({ Records: [{ eventSource: 'aws:sqs' }] });
    expect(sqs.kind).toBe('error');
    expect(JSON.parse(sqs.body.toString())).toMatchObject({ errorType: 'UnsupportedEventError' });
  });
});
