import path from 'node:path';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePayload, InvalidPayloadError, LocalFunction, MAX_REQUEST_BYTES, serve, type InvokeServer } from '@tslambda/lambda-local';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** `fn` behind a Function URL server on a free port for one describe block; both closed after it. */
function servedOverHttp(fn: LocalFunction): { server: InvokeServer } {
  const env = {} as { server: InvokeServer };
  beforeAll(async () => {
    env.server = await serve(fn, { port: 0, http: true });
  });
  afterAll(async () => {
    await env.server.close();
    await fn.close();
  });
  return env;
}

describe('the Runtime API server against a misbehaving runtime', () => {
  const fn = new LocalFunction({ entry: path.join(fixtures, 'raw-runtime.mjs') });
  afterAll(() => fn.close());

  it('answers unknown ids 400, unknown paths 404, a second response 403, and sends every /next header', async () => {
    const r = await fn.invoke({ hi: 1 }, { clientContext: { custom: { a: 1 } }, identity: { cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' } });
    expect(r.functionError).toBeUndefined();
    const body = JSON.parse(r.payload.toString());
    expect(body.event).toEqual({ hi: 1 });
    expect(body.seen.wrongId[0]).toBe(400);
    expect(JSON.parse(body.seen.wrongId[1])).toEqual({ errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' });
    expect(body.seen.unknownPath[0]).toBe(404);
    expect(body.seen.headers).toMatchObject({ deadline: true, arn: fn.arn, clientContext: '{"custom":{"a":1}}' });
    expect(JSON.parse(body.seen.headers.identity)).toEqual({ cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' });
    expect(body.seen.headers.trace).toMatch(/^Root=1-/);
    // The runtime logs what its two /response posts got before asking for the next invocation.
    const second = await fn.invoke({});
    const line = second.logs.split('\n').find((l) => l.startsWith('{"first"'));
    const statuses = JSON.parse(line!) as { first: [number, string]; second: [number, string] };
    expect(statuses.first).toEqual([202, '{"status":"OK"}']);
    expect(statuses.second[0]).toBe(403);
    expect(JSON.parse(statuses.second[1]).errorType).toBe('InvalidStateTransition');
  });

  it('keeps an error body that is not JSON, typed Unhandled', async () => {
    const r = await fn.invoke({ mode: 'error-without-type' });
    expect(r.functionError).toBe('Unhandled');
    expect(r.errorType).toBe('Unhandled');
    expect(r.payload.toString()).toBe('not json at all');
  });
});

describe('function URL mapping of odd input', () => {
  const fn = new LocalFunction({ entry: path.join(fixtures, 'bad-url-results.mjs') });
  const http = servedOverHttp(fn);

  it('keeps __proto__ headers and parameters as plain data', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${http.server.url}/proto?__proto__=x&constructor=y`, { headers: JSON.parse('{"__proto__":"p","x-a":"1"}') as Record<string, string> }, (r) => {
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.once('error', reject);
      req.end();
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(Object.prototype.hasOwnProperty.call(body.headers, '__proto__')).toBe(true);
    expect(body.query).toEqual(JSON.parse('{"__proto__":"x","constructor":"y"}'));
    expect(body.protoPolluted).toBe(false);
  });

  it('drops invalid header names, and answers invalid values or statuses with an error instead of crashing', async () => {
    const [badHeader, badStatus, plain] = (await Promise.all(['/bad-header', '/bad-status', '/plain'].map((p) => fetch(`${http.server.url}${p}`)))) as [Response, Response, Response];
    expect(badHeader.status).toBeGreaterThanOrEqual(500);
    expect(badStatus.status).toBeGreaterThanOrEqual(500);
    expect(plain.status).toBe(200);
    expect(await plain.json()).toBe('a plain string');
    await Promise.all([badHeader.arrayBuffer(), badStatus.arrayBuffer()]);
    // The server still works.
    expect((await fetch(`${http.server.url}/plain`)).status).toBe(200);
  });
});

describe('encodePayload', () => {
  it('accepts exactly the byte strings that are JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.json().map((j) => new TextEncoder().encode(j))), (bytes) => {
        let isJson = true;
        try {
          JSON.parse(Buffer.from(bytes).toString('utf8') || '{}');
        } catch {
          isJson = false;
        }
        if (isJson) expect(encodePayload(bytes).length).toBeGreaterThan(0);
        else expect(() => encodePayload(bytes)).toThrow(InvalidPayloadError);
      }),
      { numRuns: 300 },
    );
  });

  it('serializes values and rejects what JSON cannot carry', () => {
    expect(encodePayload(undefined).toString()).toBe('{}');
    expect(encodePayload('text').toString()).toBe('"text"');
    expect(() => encodePayload(() => 1)).toThrow(InvalidPayloadError);
    expect(() => encodePayload(Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x20))).toThrow(InvalidPayloadError);
  });
});

describe('a client that leaves in the middle of a streamed response', () => {
  // Blocked, the function would hold its only instance until this timeout.
  const fn = new LocalFunction({ entry: path.join(fixtures, 'url-flood.mjs'), timeout: 30 });
  const http = servedOverHttp(fn);

  it('does not leave the function blocked: the next request is answered at once', async () => {
    const controller = new AbortController();
    const res = await fetch(`${http.server.url}/?chunks=400`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    const started = Date.now();
    const next = await fetch(`${http.server.url}/?chunks=2`);
    expect(next.status).toBe(200);
    expect((await next.arrayBuffer()).byteLength).toBe(2 * 64 * 1024);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
