// The Runtime API client's HTTP/1.1 response parser: framing, limits, hostile input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuntimeApiError } from '../src/errors.js';
import { ResponseParser, type HttpResponse, type ParserLimits } from '../src/runtime-api/http-parser.js';

const b = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'latin1') : s);

/** Feeds `pieces` in order; returns the response (after end() when `eof`). */
function parse(pieces: Buffer[], eof = false, limits?: Partial<ParserLimits>): HttpResponse | undefined {
  const p = new ResponseParser(limits);
  let r: HttpResponse | undefined;
  for (const piece of pieces) r = p.push(piece) ?? r;
  if (eof) r = p.end();
  return r;
}

/** Every way of cutting `bytes` in two, and byte by byte. */
function splits(bytes: Buffer): Buffer[][] {
  const out: Buffer[][] = [[bytes], [...bytes].map((x) => Buffer.from([x]))];
  for (let i = 1; i < bytes.length; i++) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  return out;
}

function expectMalformed(fn: () => unknown, message?: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(RuntimeApiError);
  expect(caught).toMatchObject({ name: 'Runtime.RuntimeApiError', code: 'ERR_RUNTIME_API' });
  if (message) expect((caught as Error).message).toMatch(message);
}

const NEXT = Buffer.concat([
  b('HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: abc\r\nlambda-runtime-deadline-ms:  1700000000000 \r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n'),
  Buffer.from('{"hello":"é"}', 'utf8'),
]);

describe('ResponseParser', () => {
  it('parses a Content-Length response split at every byte boundary', () => {
    for (const pieces of splits(NEXT)) {
      const r = parse(pieces)!;
      expect(r.status).toBe(200);
      expect(r.keepAlive).toBe(true);
      expect(r.headers['lambda-runtime-aws-request-id']).toBe('abc');
      expect(r.headers['lambda-runtime-deadline-ms']).toBe('1700000000000');
      expect(r.body.toString('utf8')).toBe('{"hello":"é"}');
    }
  });

  it('parses a chunked response with extensions and trailers split at every byte boundary', () => {
    const chunked = b('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n');
    for (const pieces of splits(chunked)) {
      const r = parse(pieces)!;
      expect(r.body.toString()).toBe('hello 0123456789');
      expect(r.keepAlive).toBe(true);
    }
  });

  it('skips 1xx interim responses and reads empty 204/304 bodies', () => {
    expect(parse([b('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok')])!.body.toString()).toBe('ok');
    expect(parse([b('HTTP/1.1 204 No Content\r\n\r\n')])!.body.length).toBe(0);
    expect(parse([b('HTTP/1.1 202\r\nContent-Length: 0\r\n\r\n')])!.status).toBe(202);
  });

  it('honours Connection: close, HTTP/1.0 and bodies that run to the end of the connection', () => {
    expect(parse([b('HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n')])!.keepAlive).toBe(false);
    expect(parse([b('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n')])!.keepAlive).toBe(false);
    expect(parse([b('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n')])!.keepAlive).toBe(true);
    const p = new ResponseParser();
    expect(p.push(b('HTTP/1.1 200 OK\r\n\r\nuntil'))).toBeUndefined();
    expect(p.push(b(' close'))).toBeUndefined();
    const r = p.end();
    expect(r.body.toString()).toBe('until close');
    expect(r.keepAlive).toBe(false);
  });

  it('marks a connection with bytes after the response as not reusable', () => {
    const p = new ResponseParser();
    const r = p.push(b('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxHTTP/1.1'))!;
    expect(r.body.toString()).toBe('x');
    expect(r.keepAlive).toBe(false);
    expect(p.extraBytes).toBe(8);
  });

  it('keeps header names lower case in a prototype-free object; the first of repeated headers wins', () => {
    const r = parse([b('HTTP/1.1 200 OK\r\n__proto__: x\r\nconstructor: y\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 0\r\n\r\n')])!;
    expect(Object.getPrototypeOf(r.headers)).toBeNull();
    expect(r.headers['__proto__']).toBe('x');
    expect(r.headers['x-a']).toBe('1');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('rejects headers over the limit, at once or trickled in', () => {
    const big = b(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`);
    expectMalformed(() => parse([big]), /headers larger than 16384 bytes/);
    expectMalformed(() => parse([...big].map((x) => Buffer.from([x]))), /headers larger/);
    expectMalformed(() => parse([big.subarray(0, 17_000)]), /headers larger/);
    // Just under a custom limit is fine.
    const small = b(`HTTP/1.1 200 OK\r\nX: ${'a'.repeat(100)}\r\n\r\n`);
    expect(parse([small], true, { maxHeaderBytes: small.length - 4 })!.status).toBe(200);
    expectMalformed(() => parse([small], true, { maxHeaderBytes: small.length - 5 }));
  });

  it('rejects bodies over the limit (Content-Length and chunked) and oversized trailers', () => {
    expectMalformed(() => parse([b('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n')], false, { maxBodyBytes: 10 }), /body larger than 10 bytes/);
    expectMalformed(() => parse([b('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n5\r\n')], false, { maxBodyBytes: 10 }), /body larger/);
    expectMalformed(() => parse([b('HTTP/1.1 200 OK\r\n\r\n'), Buffer.alloc(11)], false, { maxBodyBytes: 10 }), /body larger/);
    expectMalformed(() => parse([b(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: ${'t'.repeat(20_000)}\r\n\r\n`)]), /longer than/);
  });

  it('turns garbage into typed errors', () => {
    const bad = [
      'hello world\r\n\r\n',
      '\r\nHTTP/1.1 200 OK\r\n\r\n',
      'HTTP/2 200 OK\r\n\r\n',
      'HTTP/1.1 20 OK\r\n\r\n',
      'HTTP/1.1 101 Switching Protocols\r\n\r\n',
      'HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n',
      'HTTP/1.1 200 OK\r\n folded: x\r\n\r\n',
      'HTTP/1.1 200 OK\r\nNoColon\r\n\r\n',
      'HTTP/1.1 200 OK\r\nX: a\nContent-Length: 0\r\n\r\n',
      'HTTP/1.1 200 OK\r\nX: a\x00b\r\n\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: 1e3\r\n\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n123456789\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\nab\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad trailer\r\n\r\n',
    ];
    for (const text of bad) {
      for (const pieces of [[b(text)], [...b(text)].map((x) => Buffer.from([x]))]) {
        expectMalformed(() => parse(pieces, true));
      }
    }
  });

  it('reports a connection closed before or during the response', () => {
    expectMalformed(() => new ResponseParser().end(), /without a response/);
    expectMalformed(() => parse([b('HTTP/1.1 200 OK\r\nContent-')], true), /before the response was complete/);
    expectMalformed(() => parse([b('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc')], true), /before the response was complete/);
    expectMalformed(() => parse([b('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab')], true), /before the response was complete/);
  });
});

interface Model {
  status: number;
  headers: [string, string][];
  body: Buffer;
  chunks: number[] | undefined;
  close: boolean;
}

const tokenChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_!#$%&*+.^`|~');
const headerName = fc
  .array(tokenChar, { minLength: 1, maxLength: 20 })
  .map((cs) => `x-${cs.join('')}`);
const headerValue = fc.array(fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f), { maxLength: 40 }).map((cs) => String.fromCharCode(...cs).trim());
const model: fc.Arbitrary<Model> = fc.record({
  status: fc.integer({ min: 200, max: 599 }).filter((s) => s !== 204 && s !== 304),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }),
  body: fc.uint8Array({ maxLength: 300 }).map((u) => Buffer.from(u)),
  chunks: fc.option(fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }), { nil: undefined }),
  close: fc.boolean(),
});

function serialize(m: Model): Buffer {
  let head = `HTTP/1.1 ${m.status} Whatever\r\n`;
  for (const [k, v] of m.headers) head += `${k}: ${v}\r\n`;
  if (m.close) head += 'Connection: close\r\n';
  if (!m.chunks) return Buffer.concat([b(`${head}Content-Length: ${m.body.length}\r\n\r\n`), m.body]);
  const parts = [b(`${head}Transfer-Encoding: chunked\r\n\r\n`)];
  let at = 0;
  for (let i = 0; at < m.body.length; i++) {
    const n = Math.min(m.chunks[i % m.chunks.length]!, m.body.length - at);
    parts.push(b(`${n.toString(16)}\r\n`), m.body.subarray(at, at + n), b('\r\n'));
    at += n;
  }
  parts.push(b('0\r\n\r\n'));
  return Buffer.concat(parts);
}

function cut(bytes: Buffer, points: number[]): Buffer[] {
  const sorted = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((x, y) => x - y);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of sorted) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out.filter((x) => x.length > 0);
}

describe('ResponseParser (property-based)', () => {
  it('reads back any well-formed response however the bytes are cut', () => {
    fc.assert(
      fc.property(model, fc.array(fc.nat(), { maxLength: 12 }), (m, points) => {
        const r = parse(cut(serialize(m), points))!;
        expect(r.status).toBe(m.status);
        expect(r.body.equals(m.body)).toBe(true);
        expect(r.keepAlive).toBe(!m.close);
        for (const [k, v] of m.headers) {
          const first = m.headers.find(([k2]) => k2.toLowerCase() === k.toLowerCase())![1];
          expect(r.headers[k.toLowerCase()]).toBe(first);
          void v;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers random bytes and corrupted responses with a result, "need more", or a RuntimeApiError only', () => {
    const check = (pieces: Buffer[]) => {
      const p = new ResponseParser({ maxHeaderBytes: 512, maxBodyBytes: 1024 });
      try {
        for (const piece of pieces) p.push(piece);
        p.end();
      } catch (err) {
        if (!(err instanceof RuntimeApiError)) throw err;
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    };
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 6 }), (chunks) => check(chunks.map((c) => Buffer.from(c)))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(model, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (m, flips, points) => {
        const bytes = Buffer.from(serialize(m));
        for (const [at, v] of flips) bytes[at % bytes.length] = v;
        check(cut(bytes, points));
      }),
      { numRuns: 300 },
    );
  });
});
