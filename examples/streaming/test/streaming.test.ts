import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LambdaFunctionURLEvent } from '@tslambda/lambda';
import { LocalFunction, sampleEvent, serve, type InvokeServer } from '@tslambda/lambda-local';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/index.js');
const PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';

beforeAll(() => {
  if (!existsSync(entry)) execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

function urlEvent(rawQueryString: string): LambdaFunctionURLEvent {
  const e = sampleEvent('function-url').event as LambdaFunctionURLEvent;
  e.rawPath = '/';
  e.requestContext.http.path = '/';
  e.requestContext.http.method = 'GET';
  e.rawQueryString = rawQueryString;
  e.queryStringParameters = Object.fromEntries(new URLSearchParams(rawQueryString));
  return e;
}

function splitPrelude(bytes: Buffer): { prelude: { statusCode: number; headers: Record<string, string> }; body: string } {
  const sep = bytes.indexOf(Buffer.alloc(8));
  expect(sep).toBeGreaterThan(0);
  return { prelude: JSON.parse(bytes.subarray(0, sep).toString()), body: bytes.subarray(sep + 8).toString() };
}

const expected = (n: number) => Array.from({ length: n }, (_, i) => `tick ${i + 1}/${n}\n`).join('');

describe('streaming under api (Runtime API response streaming)', () => {
  let fn: LocalFunction;
  let server: InvokeServer;
  beforeAll(async () => {
    fn = new LocalFunction({ entry, protocol: 'api' });
    server = await serve(fn, { port: 0, http: true });
  });
  afterAll(async () => {
    await server.close();
    await fn.close();
  });

  it('streams the prelude, then each line as it is written', async () => {
    const res = await fn.invokeStream(urlEvent('count=4'));
    expect(res.streamed).toBe(true);
    expect(res.contentType).toBe(PRELUDE_CONTENT_TYPE);
    const chunks: Buffer[] = [];
    const arrivals: number[] = [];
    for await (const chunk of res.body) {
      chunks.push(chunk as Buffer);
      arrivals.push(Date.now());
    }
    const result = await res.result;
    expect(result.functionError, result.logs).toBeUndefined();
    const { prelude, body } = splitPrelude(Buffer.concat(chunks));
    expect(prelude.statusCode).toBe(200);
    expect(prelude.headers).toMatchObject({ 'content-type': 'text/plain; charset=utf-8', 'x-example': 'streaming' });
    expect(body).toBe(expected(4));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(100);
  });

  it('reaches curl through `serve --http` as a chunked response', async () => {
    const started = Date.now();
    const res = await fetch(`${server.url}/?count=3`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-example')).toBe('streaming');
    const firstAt = Date.now() - started;
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    const firstText = decoder.decode(first.value, { stream: true });
    expect(firstText.startsWith('tick 1/3\n')).toBe(true);
    let text = firstText;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
    expect(text).toBe(expected(3));
    // The headers came before the whole body was written (3 ticks take 150 ms).
    expect(Date.now() - started - firstAt).toBeGreaterThanOrEqual(60);
  });
});

describe('streaming under go1x (no streaming in go1.x: the response is buffered)', () => {
  let fn: LocalFunction;
  let server: InvokeServer;
  beforeAll(async () => {
    fn = new LocalFunction({ entry, protocol: 'go1x' });
    server = await serve(fn, { port: 0, http: true });
  });
  afterAll(async () => {
    await server.close();
    await fn.close();
  });

  it('returns the prelude and the whole body in one payload', async () => {
    const result = await fn.invoke(urlEvent('count=3'));
    expect(result.functionError, `${result.payload}\n${result.logs}`).toBeUndefined();
    expect(result.streamed).toBe(false);
    const { prelude, body } = splitPrelude(result.payload);
    expect(prelude.statusCode).toBe(200);
    expect(body).toBe(expected(3));
  });

  it('still answers `serve --http` with the status, headers and body', async () => {
    const res = await fetch(`${server.url}/?count=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-example')).toBe('streaming');
    expect(await res.text()).toBe(expected(2));
  });
});
