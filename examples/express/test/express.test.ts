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

function httpEvent(method: string, rawPath: string, json?: unknown): APIGatewayProxyEventV2 {
  const e = sampleEvent('http-api').event as APIGatewayProxyEventV2;
  e.rawPath = rawPath;
  e.requestContext.http.method = method;
  e.requestContext.http.path = rawPath;
  if (json !== undefined) {
    e.body = JSON.stringify(json);
    e.headers = { ...e.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(e.body)) };
  }
  return e;
}

describe.each<Protocol>(['api', 'go1x'])('express under %s', (protocol) => {
  let fn: LocalFunction;
  let server: InvokeServer;
  beforeAll(async () => {
    fn = new LocalFunction({ entry, protocol });
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

  it('serves GET /users/:id from the Express app', async () => {
    const found = await call(httpEvent('GET', '/users/1'));
    expect(found.statusCode).toBe(200);
    expect(JSON.parse(found.body)).toEqual({ id: 1, name: 'Ada' });
    expect((await call(httpEvent('GET', '/users/99'))).statusCode).toBe(404);
  });

  it('parses a JSON body with express.json()', async () => {
    const created = await call(httpEvent('POST', '/users', { name: 'Grace' }));
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ name: 'Grace' });
    expect(created.headers?.location).toMatch(/^\/users\/\d+$/);
    expect((await call(httpEvent('POST', '/users', { name: '' }))).statusCode).toBe(400);
  });

  it('answers curl-style requests through `serve --http`', async () => {
    const res = await fetch(`${server.url}/users/1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 1, name: 'Ada' });
  });
});
