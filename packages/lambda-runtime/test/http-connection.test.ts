// The Runtime API client's HTTP/1.1 connection against a raw TCP server that scripts every reply byte.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeApiError } from '../src/errors.js';
import { RuntimeApiClient } from '../src/runtime-api/client.js';
import { HttpConnection } from '../src/runtime-api/http-connection.js';

/** What the server does with one complete request: write bytes, maybe close. */
type Script = (socket: Socket, request: { head: string; body: Buffer }) => void | Promise<void>;

let server: Server;
let port: number;
let scripts: Script[];
let connections: number;
let requests: { head: string; body: Buffer }[];
const sockets = new Set<Socket>();

/** Reads requests off a socket (Content-Length bodies) and runs the next script for each. */
function serve(socket: Socket): void {
  connections++;
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => {});
  let buf = Buffer.alloc(0);
  let busy = false;
  const pump = async () => {
    if (busy) return;
    busy = true;
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) break;
      const head = buf.toString('latin1', 0, end);
      const len = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (buf.length < end + 4 + len) break;
      const request = { head, body: buf.subarray(end + 4, end + 4 + len) };
      buf = buf.subarray(end + 4 + len);
      requests.push(request);
      const script = scripts.shift() ?? ((s) => void s.write('HTTP/1.1 500 No Script\r\nContent-Length: 0\r\n\r\n'));
      await script(socket, request);
    }
    busy = false;
  };
  socket.on('data', (c: Buffer) => {
    buf = Buffer.concat([buf, c]);
    void pump();
  });
}

beforeEach(async () => {
  scripts = [];
  requests = [];
  connections = 0;
  server = createServer(serve);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});

afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

const reply = (text: string): Script => (s) => void s.write(text);
const ok = (body: string, extra = ''): Script => reply(`HTTP/1.1 200 OK\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('HttpConnection', () => {
  it('reuses one keep-alive connection and sends bodies with Content-Length', async () => {
    const c = new HttpConnection('127.0.0.1', port);
    scripts.push(ok('one'), ok('two'), ok('three'));
    expect((await c.request('GET', '/a', undefined, undefined)).body.toString()).toBe('one');
    expect((await c.request('POST', '/b', { 'Content-Type': 'application/json' }, '{"é":1}')).body.toString()).toBe('two');
    expect((await c.request('POST', '/c', undefined, Buffer.from([0, 1, 2]))).body.toString()).toBe('three');
    expect(connections).toBe(1);
    expect(requests[0]!.head).toBe(`GET /a HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive`);
    expect(requests[1]!.head).toContain('\r\nContent-Type: application/json\r\nContent-Length: 8');
    expect(requests[1]!.body.toString('utf8')).toBe('{"é":1}');
    expect([...requests[2]!.body]).toEqual([0, 1, 2]);
    c.destroy();
  });

  it('writes a large body and one that arrives while the previous write is still in flight', async () => {
    const c = new HttpConnection('127.0.0.1', port);
    const big = 'x'.repeat(3 * 1024 * 1024);
    scripts.push(ok('a'), ok('b'));
    await c.request('POST', '/big', undefined, big);
    await c.request('POST', '/small', undefined, 'y'.repeat(100));
    expect(requests[0]!.body.length).toBe(big.length);
    expect(requests[1]!.body.toString()).toBe('y'.repeat(100));
    c.destroy();
  });

  it('reads replies that trickle in byte by byte, chunked and with Content-Length', async () => {
    const trickle = (text: string): Script => async (s) => {
      for (const ch of Buffer.from(text, 'latin1')) {
        s.write(Buffer.from([ch]));
        await sleep(0);
      }
    };
    scripts.push(
      trickle('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Id: 7\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'),
      trickle('HTTP/1.1 202 Accepted\r\nContent-Length: 5\r\n\r\nhello'),
    );
    const c = new HttpConnection('127.0.0.1', port);
    const r1 = await c.request('GET', '/x', undefined, undefined);
    expect(r1.body.toString()).toBe('abcde');
    expect(r1.headers['x-id']).toBe('7');
    const r2 = await c.request('GET', '/y', undefined, undefined);
    expect([r2.status, r2.body.toString()]).toEqual([202, 'hello']);
    expect(connections).toBe(1);
    c.destroy();
  });

  it('opens a new connection after Connection: close, a body read to EOF, and an idle close by the server', async () => {
    const c = new HttpConnection('127.0.0.1', port);
    scripts.push(
      (s) => void s.end('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\na'),
      (s) => void s.end('HTTP/1.1 200 OK\r\n\r\nread to the end'),
      ok('c'),
    );
    expect((await c.request('GET', '/1', undefined, undefined)).body.toString()).toBe('a');
    expect((await c.request('GET', '/2', undefined, undefined)).body.toString()).toBe('read to the end');
    expect((await c.request('GET', '/3', undefined, undefined)).body.toString()).toBe('c');
    expect(connections).toBe(3);
    // The server drops the idle connection: the next request reconnects.
    for (const s of sockets) s.destroy();
    await sleep(20);
    scripts.push(ok('d'));
    expect((await c.request('GET', '/4', undefined, undefined)).body.toString()).toBe('d');
    expect(connections).toBe(4);
    c.destroy();
  });

  it('rejects with a RuntimeApiError when the server closes mid-body, then recovers', async () => {
    const c = new HttpConnection('127.0.0.1', port);
    scripts.push((s) => void s.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part'), ok('fine'));
    await expect(c.request('GET', '/', undefined, undefined)).rejects.toMatchObject({
      name: 'Runtime.RuntimeApiError',
      message: expect.stringContaining('before the response was complete'),
    });
    expect((await c.request('GET', '/', undefined, undefined)).body.toString()).toBe('fine');
  });

  it('rejects garbage replies, a reset, and oversized headers with RuntimeApiError, without hanging', async () => {
    const c = new HttpConnection('127.0.0.1', port);
    scripts.push(
      reply('SSH-2.0-OpenSSH_9.6\r\n\r\n'),
      (s) => void s.resetAndDestroy(),
      reply(`HTTP/1.1 200 OK\r\nX: ${'h'.repeat(20_000)}\r\n\r\n`),
      (s) => void s.end(),
    );
    for (const expected of [/malformed HTTP response.*bad status line/, /connection failed|closed the connection/, /headers larger/, /without a response/]) {
      const err = await c.request('GET', '/', undefined, undefined).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RuntimeApiError);
      expect((err as Error).message).toMatch(expected);
    }
    c.destroy();
  });

  it('refuses header injection, a second request in flight, and fails the request in flight on destroy()', async () => {
    const c = new HttpConnection('127.0.0.1', port);
    await expect(c.request('GET', '/', { 'X-A': 'v\r\nInjected: 1' }, undefined)).rejects.toBeInstanceOf(RuntimeApiError);
    await expect(c.request('GET', '/', { 'Bad Name': 'v' }, undefined)).rejects.toBeInstanceOf(RuntimeApiError);
    scripts.push(() => {});
    const parked = c.request('GET', '/next', undefined, undefined);
    await expect(c.request('GET', '/again', undefined, undefined)).rejects.toThrow(/busy/);
    while (requests.length === 0) await sleep(2);
    c.destroy(new RuntimeApiError('stopping'));
    await expect(parked).rejects.toThrow('stopping');
    expect(requests.length).toBe(1);
  });

  it('fails fast on a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const c = new HttpConnection('127.0.0.1', deadPort);
    await expect(c.request('GET', '/', undefined, undefined)).rejects.toMatchObject({ name: 'Runtime.RuntimeApiError', message: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('RuntimeApiClient over the HTTP/1.1 connection', () => {
  const nextReply = (id: string, body: string, chunked = false) =>
    chunked
      ? reply(`HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: ${id}\r\nLambda-Runtime-Deadline-Ms: 1900000000000\r\nTransfer-Encoding: chunked\r\n\r\n${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`)
      : ok(body, `Lambda-Runtime-Aws-Request-Id: ${id}\r\nLambda-Runtime-Deadline-Ms: 1900000000000\r\n`);

  it('retries /next after garbage, a mid-body close and a 500, and reads a chunked invocation', async () => {
    const client = new RuntimeApiClient(`127.0.0.1:${port}`, { baseDelayMs: 1, maxDelayMs: 2 });
    scripts.push(
      reply('HTTP/1.1 2OO OK\r\n\r\n'),
      (s) => void s.end('HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{"par'),
      reply('HTTP/1.1 500 Internal\r\nContent-Length: 0\r\n\r\n'),
      nextReply('r-1', '{"chunked":true}', true),
    );
    const inv = await client.next();
    expect(inv.meta).toMatchObject({ requestId: 'r-1', deadlineMs: 1900000000000 });
    expect(JSON.parse(inv.payload.toString())).toEqual({ chunked: true });
    expect(requests.length).toBe(4);
    scripts.push(reply('HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{"status":"OK"}\n'));
    expect(await client.respond(inv.meta, '{"ok":1}')).toEqual({ status: 202, body: '' });
    expect(requests[4]!.head).toMatch(/^POST \/2018-06-01\/runtime\/invocation\/r-1\/response HTTP\/1\.1\r\n/);
    expect(requests[4]!.body.toString()).toBe('{"ok":1}');
    client.close();
  });

  it('gives up with a RuntimeApiError once the retries are spent', async () => {
    const client = new RuntimeApiClient(`127.0.0.1:${port}`, { retries: 2, baseDelayMs: 1, maxDelayMs: 2 });
    for (let i = 0; i < 3; i++) scripts.push(reply('garbage\r\n\r\n'));
    await expect(client.next()).rejects.toMatchObject({ name: 'Runtime.RuntimeApiError', code: 'ERR_RUNTIME_API' });
    expect(requests.length).toBe(3);
    client.close();
  });

  it('close() ends a parked /next at once', async () => {
    const client = new RuntimeApiClient(`127.0.0.1:${port}`);
    scripts.push(() => {});
    const parked = client.next();
    while (requests.length === 0) await sleep(2);
    client.close();
    await expect(parked).rejects.toThrow(/closed/);
  });
});
