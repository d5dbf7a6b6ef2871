import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from '@tslambda/lambda';
import { LocalFunction, sampleEvent, serve, type InvokeServer, type Protocol } from '@tslambda/lambda-local';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/index.js');

beforeAll(() => {
  if (!existsSync(entry)) execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

/** An HTTP API (payload 2.0) request built on AWS's sample. */
function httpEvent(method: string, url: string, init: { headers?: Record<string, string>; body?: Buffer } = {}): APIGatewayProxyEventV2 {
  const e = sampleEvent('http-api').event as APIGatewayProxyEventV2;
  const [rawPath, rawQueryString = ''] = url.split('?') as [string, string?];
  e.rawPath = rawPath;
  e.rawQueryString = rawQueryString;
  e.requestContext.http.method = method;
  e.requestContext.http.path = rawPath;
  if (rawQueryString) e.queryStringParameters = Object.fromEntries(new URLSearchParams(rawQueryString));
  e.headers = { ...e.headers, ...init.headers };
  if (init.body) {
    e.body = init.body.toString('base64');
    e.isBase64Encoded = true;
    e.headers['content-length'] = String(init.body.length);
  }
  return e;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe.each<Protocol>(['api', 'go1x'])('http-api under %s', (protocol) => {
  let fn: LocalFunction;
  let server: InvokeServer;
  beforeAll(async () => {
    fn = new LocalFunction({ entry, protocol, concurrency: 2 });
    server = await serve(fn, { port: 0, http: true });
  });
  afterAll(async () => {
    await server.close();
    await fn.close();
  });
  const call = async (event: APIGatewayProxyEventV2) => {
    const result = await fn.invoke(event);
    expect(result.functionError, `${result.payload}\n${result.logs}`).toBeUndefined();
    return JSON.parse(result.payload.toString()) as APIGatewayProxyStructuredResultV2 & { body: string };
  };

  it('routes GET / and GET /hello/:name', async () => {
    const [index, hello] = await Promise.all([call(httpEvent('GET', '/')), call(httpEvent('GET', '/hello/%C6%9B?lang=fr'))]);
    expect(index.statusCode).toBe(200);
    expect(index.body).toBe('tslambda http-api example\n');
    expect(hello.statusCode).toBe(200);
    expect(JSON.parse(hello.body)).toEqual({ message: 'Hello ƛ!', lang: 'fr' });
  });

  it('returns the PNG base64-encoded, echoes a binary body, and 404s', async () => {
    const png = await call(httpEvent('GET', '/pixel.png'));
    expect(png.isBase64Encoded).toBe(true);
    expect(png.headers?.['content-type']).toBe('image/png');
    expect([...Buffer.from(png.body, 'base64').subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    const echo = await call(httpEvent('POST', '/echo', { headers: { 'content-type': 'application/octet-stream' }, body: bytes }));
    expect(echo.statusCode).toBe(201);
    expect(Buffer.from(echo.body, echo.isBase64Encoded ? 'base64' : 'utf8')).toEqual(bytes);
    expect((await call(httpEvent('DELETE', '/nothing'))).statusCode).toBe(404);
  });

  it('answers plain HTTP through `serve --http` (function URL events)', async () => {
    const hello = await fetch(`${server.url}/hello/world?lang=de`);
    expect(hello.status).toBe(200);
    expect(await hello.json()).toEqual({ message: 'Hello world!', lang: 'de' });
    const png = await fetch(`${server.url}/pixel.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });
});
