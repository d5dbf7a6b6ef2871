import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFunction, serve, type InvokeResult, type InvokeServer } from '@tslambda/lambda-local';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('the Invoke API', () => {
  const fn = new LocalFunction({ entry: path.join(fixtures, 'echo.mjs'), name: 'orders', concurrency: 2 });
  let server: InvokeServer;
  const asyncResults: InvokeResult[] = [];
  beforeAll(async () => {
    server = await serve(fn, { port: 0, onAsyncResult: (r) => asyncResults.push(r) });
  });
  afterAll(async () => {
    await server.close();
    await fn.close();
  });
  const invokeUrl = (name = 'orders') => `${server.url}/2015-03-31/functions/${encodeURIComponent(name)}/invocations`;

  it('answers RequestResponse with the payload, the version and the log tail', async () => {
    const clientContext = Buffer.from(JSON.stringify({ custom: { tenant: 't1' } })).toString('base64');
    const res = await fetch(invokeUrl(), {
      method: 'POST',
      body: JSON.stringify({ action: 'log', lines: ['from the function'] }),
      headers: { 'X-Amz-Log-Type': 'Tail', 'X-Amz-Client-Context': clientContext },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amz-executed-version')).toBe('$LATEST');
    expect(res.headers.get('x-amz-function-error')).toBeNull();
    const body = (await res.json()) as { requestId: string; clientContext: unknown };
    expect(res.headers.get('x-amzn-requestid')).toBe(body.requestId);
    expect(body.clientContext).toMatchObject({ custom: { tenant: 't1' } });
    const log = Buffer.from(res.headers.get('x-amz-log-result')!, 'base64').toString();
    expect(log).toMatch(/^START RequestId: /m);
    expect(log).toContain('INFO\tfrom the function');
    expect(log).toMatch(/^REPORT RequestId: .*Duration: /m);
  });

  it('accepts the function\'s name, its ARN and "function"', async () => {
    for (const name of [fn.arn, `${fn.arn}:$LATEST`, 'function']) {
      const res = await fetch(invokeUrl(name), { method: 'POST', body: '{}' });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const missing = await fetch(invokeUrl('other'), { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    await missing.arrayBuffer();
  });

  it('flags function errors with X-Amz-Function-Error: Unhandled', async () => {
    const res = await fetch(invokeUrl(), { method: 'POST', body: JSON.stringify({ action: 'throw', message: 'bad order' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await res.json()).toMatchObject({ errorType: 'OrderError', errorMessage: 'bad order' });
  });

  it('supports DryRun (204) and Event (202, runs after the answer)', async () => {
    const dry = await fetch(invokeUrl(), { method: 'POST', body: '{}', headers: { 'X-Amz-Invocation-Type': 'DryRun' } });
    expect(dry.status).toBe(204);
    const ev = await fetch(invokeUrl(), { method: 'POST', body: '{"async":true}', headers: { 'X-Amz-Invocation-Type': 'Event' } });
    expect(ev.status).toBe(202);
    expect(await ev.text()).toBe('');
    await expect.poll(() => asyncResults.length, { timeout: 5000 }).toBe(1);
    expect(JSON.parse(asyncResults[0]!.payload.toString()).event).toEqual({ async: true });
    const bad = await fetch(invokeUrl(), { method: 'POST', body: '{}', headers: { 'X-Amz-Invocation-Type': 'Sometimes' } });
    expect(bad.status).toBe(400);
    await bad.arrayBuffer();
  });

  it('rejects bad payloads like Lambda', async () => {
    const res = await fetch(invokeUrl(), { method: 'POST', body: '{"unterminated' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidRequestContentException');
    expect(((await res.json()) as { message: string }).message).toMatch(/^Could not parse request body into json/);
    const big = await fetch(invokeUrl(), { method: 'POST', body: JSON.stringify({ x: 'y'.repeat(6_300_000) }) });
    expect(big.status).toBe(413);
    expect(big.headers.get('x-amzn-errortype')).toBe('RequestTooLargeException');
    await big.arrayBuffer();
  });

  it('does not answer plain HTTP without --http', async () => {
    const res = await fetch(`${server.url}/hello`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    await res.arrayBuffer();
  });
});

describe('--http: function URL requests', () => {
  const urlFn = new LocalFunction({ entry: path.join(fixtures, 'url.mjs') });
  const streamFn = new LocalFunction({ entry: path.join(fixtures, 'url-stream.mjs') });
  let server: InvokeServer;
  let streamServer: InvokeServer;
  beforeAll(async () => {
    [server, streamServer] = await Promise.all([serve(urlFn, { port: 0, http: true }), serve(streamFn, { port: 0, http: true })]);
  });
  afterAll(async () => {
    await Promise.all([server.close(), streamServer.close()]);
    await Promise.all([urlFn.close(), streamFn.close()]);
  });

  it('maps a request to a function URL event and the result to a response', async () => {
    const res = await fetch(`${server.url}/orders/42?expand=items&expand=notes&x=1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: 'a=1; b=2', 'x-custom': 'v' },
      body: '{"qty":2}',
    });
    expect(res.status).toBe(207);
    expect(res.headers.get('x-path')).toBe('/orders/42');
    expect(res.headers.getSetCookie()).toEqual(['session=abc; HttpOnly', 'theme=dark']);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      method: 'PUT',
      rawPath: '/orders/42',
      rawQueryString: 'expand=items&expand=notes&x=1',
      query: { expand: 'items,notes', x: '1' },
      cookies: ['a=1', 'b=2'],
      body: '{"qty":2}',
      isBase64Encoded: false,
      version: '2.0',
      domainName: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws',
    });
    expect(body.headers).toMatchObject({ 'x-custom': 'v', 'content-type': 'application/json' });
    expect(body.headers).not.toHaveProperty('cookie');
  });

  it('sends binary request bodies base64-encoded and decodes binary responses', async () => {
    const res = await fetch(`${server.url}/upload`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0, 1, 2, 255]) });
    const body = (await res.json()) as { body: string; isBase64Encoded: boolean };
    expect(body.isBase64Encoded).toBe(true);
    expect([...Buffer.from(body.body, 'base64')]).toEqual([0, 1, 2, 255]);
    const bin = await fetch(`${server.url}/bin`);
    expect(bin.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await bin.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
  });

  it('answers a plain JSON result as application/json and a function error as 502', async () => {
    const plain = await fetch(`${server.url}/plain`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('application/json');
    expect(await plain.json()).toEqual({ hello: 'world' });
    const fail = await fetch(`${server.url}/fail`);
    expect(fail.status).toBe(502);
    await fail.arrayBuffer();
  });

  it('streams a streamed response as it is written', async () => {
    const res = await fetch(`${streamServer.url}/feed`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-streamed')).toBe('1');
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.getSetCookie()).toEqual(['s=1']);
    const arrivals: number[] = [];
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) {
      arrivals.push(Date.now());
      text += decoder.decode(chunk, { stream: true });
    }
    expect(text).toBe('part 0 of /feed\npart 1 of /feed\npart 2 of /feed\n');
    expect(arrivals.length).toBeGreaterThanOrEqual(2);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(80);
  });
});

/** Decodes `application/vnd.amazon.eventstream` messages, checking both CRCs with zlib's CRC-32. */
function decodeEventStream(bytes: Buffer): { headers: Record<string, string>; payload: Buffer }[] {
  const messages: { headers: Record<string, string>; payload: Buffer }[] = [];
  let off = 0;
  while (off < bytes.length) {
    const total = bytes.readUInt32BE(off);
    const headersLength = bytes.readUInt32BE(off + 4);
    expect(bytes.readUInt32BE(off + 8)).toBe(zlib.crc32(bytes.subarray(off, off + 8)));
    expect(bytes.readUInt32BE(off + total - 4)).toBe(zlib.crc32(bytes.subarray(off, off + total - 4)));
    const headers: Record<string, string> = {};
    let h = off + 12;
    while (h < off + 12 + headersLength) {
      const nameLength = bytes.readUInt8(h);
      const name = bytes.toString('utf8', h + 1, h + 1 + nameLength);
      expect(bytes.readUInt8(h + 1 + nameLength)).toBe(7);
      const valueLength = bytes.readUInt16BE(h + 2 + nameLength);
      headers[name] = bytes.toString('utf8', h + 4 + nameLength, h + 4 + nameLength + valueLength);
      h += 4 + nameLength + valueLength;
    }
    messages.push({ headers, payload: bytes.subarray(off + 12 + headersLength, off + total - 4) });
    off += total;
  }
  return messages;
}

describe('InvokeWithResponseStream (event stream)', () => {
  const streamFn = new LocalFunction({ entry: path.join(fixtures, 'stream.mjs') });
  const echoFn = new LocalFunction({ entry: path.join(fixtures, 'echo.mjs') });
  let servers: InvokeServer[] = [];
  beforeAll(async () => {
    servers = await Promise.all([serve(streamFn, { port: 0 }), serve(echoFn, { port: 0 })]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all([streamFn.close(), echoFn.close()]);
  });
  const url = (s: InvokeServer) => `${s.url}/2021-11-15/functions/function/response-streaming-invocations`;

  it('sends PayloadChunk events as the function writes, then InvokeComplete', async () => {
    const res = await fetch(url(servers[0]!), { method: 'POST', body: '{"chunks":3,"pause":40}', headers: { 'X-Amz-Log-Type': 'Tail' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amz-executed-version')).toBe('$LATEST');
    const messages = decodeEventStream(Buffer.from(await res.arrayBuffer()));
    const chunks = messages.filter((m) => m.headers[':event-type'] === 'PayloadChunk');
    expect(chunks.map((m) => m.payload.toString()).join('')).toBe('chunk 0\nchunk 1\nchunk 2\n');
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    const last = messages.at(-1)!;
    expect(last.headers).toEqual({ ':event-type': 'InvokeComplete', ':content-type': 'application/json', ':message-type': 'event' });
    const complete = JSON.parse(last.payload.toString()) as { ErrorCode?: string; LogResult: string };
    expect(complete.ErrorCode).toBeUndefined();
    expect(Buffer.from(complete.LogResult, 'base64').toString()).toMatch(/^REPORT RequestId: /m);
  });

  it('reports errors in InvokeComplete: midway (trailers) and before any byte', async () => {
    const mid = decodeEventStream(Buffer.from(await (await fetch(url(servers[0]!), { method: 'POST', body: '{"fail":true}' })).arrayBuffer()));
    expect(mid[0]!.payload.toString()).toBe('chunk 0\n');
    const midComplete = JSON.parse(mid.at(-1)!.payload.toString()) as { ErrorCode: string; ErrorDetails: string };
    expect(midComplete.ErrorCode).toBe('TypeError');
    expect(JSON.parse(midComplete.ErrorDetails)).toMatchObject({ errorType: 'TypeError', errorMessage: 'stream broke' });
    const early = decodeEventStream(Buffer.from(await (await fetch(url(servers[1]!), { method: 'POST', body: '{"action":"throw"}' })).arrayBuffer()));
    expect(early).toHaveLength(1);
    const earlyComplete = JSON.parse(early[0]!.payload.toString()) as { ErrorCode: string; ErrorDetails: string };
    expect(earlyComplete.ErrorCode).toBe('OrderError');
    expect(JSON.parse(earlyComplete.ErrorDetails)).toMatchObject({ errorMessage: 'boom' });
  });

  it('sends a buffered response as one chunk', async () => {
    const messages = decodeEventStream(Buffer.from(await (await fetch(url(servers[1]!), { method: 'POST', body: '{"x":1}' })).arrayBuffer()));
    expect(messages).toHaveLength(2);
    expect(JSON.parse(messages[0]!.payload.toString()).event).toEqual({ x: 1 });
  });
});
