// Buffered response bodies: the body a Response was built from (read without its stream where Node
// allows it) and the same bytes through a stream give the same result, for every kind of body.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handle, ResponseTooLargeError, type GatewayOptions } from '@tslambda/lambda-gateway';
import { lambdaContext } from './helpers/context.js';
import { httpEvent, restEvent } from './helpers/events.js';

type Rec = Record<string, unknown>;

async function resultOf(make: () => Response, options?: GatewayOptions, event: Rec = httpEvent()): Promise<Rec> {
  return (await handle(() => make(), options)(event as never, lambdaContext())) as unknown as Rec;
}

/** The same body as a stream of two chunks: never known without reading it. */
function streamed(bytes: Uint8Array, init?: ResponseInit): Response {
  const half = bytes.byteLength >> 1;
  const chunks = [bytes.slice(0, half), bytes.slice(half)];
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(c) {
        const next = chunks.shift();
        if (next === undefined) c.close();
        else c.enqueue(next);
      },
    }),
    init,
  );
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const TEXT = { headers: { 'content-type': 'text/plain; charset=utf-8' } };
const PNG = { headers: { 'content-type': 'image/png' } };
// Node's Response keeps its source where undici 6 runs (Node 20, 22); Node 24 hides it.
const sourceKept = Object.getOwnPropertySymbols(new Response('')).some((s) => s.description === 'state');

describe('buffered response bodies', () => {
  const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
  const cases: [string, () => Response, Uint8Array, ResponseInit][] = [
    ['empty string', () => new Response('', TEXT), new Uint8Array(0), TEXT],
    ['short text', () => new Response('ok', TEXT), utf8('ok'), TEXT],
    ['non-ASCII text', () => new Response('héllo ☕ 𝄞', TEXT), utf8('héllo ☕ 𝄞'), TEXT],
    ['lone surrogates (sent as U+FFFD)', () => new Response('a\ud800b\udc00', TEXT), utf8('a\ufffdb\ufffd'), TEXT],
    ['JSON', () => Response.json({ a: 'é', b: [1, 2] }), utf8('{"a":"é","b":[1,2]}'), { headers: { 'content-type': 'application/json' } }],
    ['form data', () => new Response(new URLSearchParams('a=1&b= 2')), utf8('a=1&b=+2'), { headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' } }],
    ['binary Uint8Array', () => new Response(bytes, PNG), bytes, PNG],
    ['binary ArrayBuffer', () => new Response(bytes.slice().buffer, PNG), bytes, PNG],
    ['binary DataView', () => new Response(new DataView(bytes.slice().buffer, 10, 20), PNG), bytes.slice(10, 30), PNG],
    ['Buffer view of a larger pool', () => new Response(Buffer.from('pooled text'), TEXT), utf8('pooled text'), TEXT],
    ['Blob', () => new Response(new Blob([bytes]), PNG), bytes, PNG],
    ['bytes with no content type (binary)', () => new Response(utf8('plain')), utf8('plain'), {}],
  ];
  for (const [name, make, expected, init] of cases) {
    it(`${name}: same result as the same bytes streamed`, async () => {
      const direct = await resultOf(make);
      const viaStream = await resultOf(() => streamed(expected, init));
      expect(direct).toEqual(viaStream);
      const body = direct.isBase64Encoded ? Buffer.from(direct.body as string, 'base64') : Buffer.from(direct.body as string, 'utf8');
      expect(body.equals(Buffer.from(expected))).toBe(true);
    });
  }

  it('gzip-encoded text goes base64, bytes intact', async () => {
    const gz = gzipSync('hello '.repeat(100));
    const init = { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' } };
    const r = await resultOf(() => new Response(gz, init), undefined, restEvent());
    expect(r).toMatchObject({ isBase64Encoded: true, body: gz.toString('base64') });
    expect(await resultOf(() => streamed(gz, init), undefined, restEvent())).toEqual(r);
  });

  it('large text and binary bodies', async () => {
    const text = 'x€'.repeat(400_000);
    const t = await resultOf(() => new Response(text, TEXT));
    expect(t).toMatchObject({ isBase64Encoded: false, body: text });
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => i * 7);
    const b = await resultOf(() => new Response(big, PNG));
    expect(b).toMatchObject({ isBase64Encoded: true, body: Buffer.from(big).toString('base64') });
  });

  it('maxResponseBytes counts UTF-8 bytes, for known and streamed bodies alike', async () => {
    const text = 'é'.repeat(600); // 1200 bytes
    const options = { maxResponseBytes: 1200 };
    expect(await resultOf(() => new Response(text, TEXT), options)).toMatchObject({ body: text });
    expect(await resultOf(() => streamed(utf8(text), TEXT), options)).toMatchObject({ body: text });
    const less = { maxResponseBytes: 1199 };
    await expect(resultOf(() => new Response(text, TEXT), less)).rejects.toThrow(ResponseTooLargeError);
    await expect(resultOf(() => new Response(utf8(text), TEXT), less)).rejects.toThrow(ResponseTooLargeError);
    await expect(resultOf(() => streamed(utf8(text), TEXT), less)).rejects.toThrow(ResponseTooLargeError);
    await expect(resultOf(() => new Response(text, TEXT), { maxResponseBytes: 0 })).rejects.toThrow(ResponseTooLargeError);
  });

  it('a body the app cloned and read through the clone still arrives whole', async () => {
    for (const body of [bytes, 'some text']) {
      const r = await handle(async () => {
        const res = new Response(body, PNG);
        await res.clone().arrayBuffer();
        return res;
      })(httpEvent() as never, lambdaContext());
      expect(r).toMatchObject({ isBase64Encoded: true, body: Buffer.from(body).toString('base64') });
    }
  });

  it('a body the app partly read gives the rest, as a stream would', async () => {
    const r = await handle(async () => {
      const res = new Response(streamedText('abc', 'def'), TEXT);
      const reader = res.body!.getReader();
      await reader.read();
      reader.releaseLock();
      return res;
    })(httpEvent() as never, lambdaContext());
    expect(r).toMatchObject({ body: 'def' });
    const known = await handle(async () => {
      const res = new Response('abcdef', TEXT);
      const reader = res.body!.getReader();
      await reader.read();
      reader.releaseLock();
      return res;
    })(httpEvent() as never, lambdaContext());
    // The one chunk was taken: nothing is left, and the source must not be sent again.
    expect(known).toMatchObject({ body: '' });
  });

  it(`reads a known body without its stream ${sourceKept ? '(this Node keeps the source)' : '(not on this Node: the stream is read)'}`, async () => {
    let res: Response | undefined;
    await handle(() => (res = new Response('ok', TEXT)))(httpEvent() as never, lambdaContext());
    expect(res!.bodyUsed).toBe(!sourceKept);
  });

  it('property: any string or bytes come out as the same bytes streamed would give', async () => {
    const h = handle((req) => {
      const kind = req.headers.get('x-kind');
      return kind === 'stream' ? streamed(payload.bytes, payload.init) : new Response(payload.source, payload.init);
    });
    let payload: { source: string | Uint8Array; bytes: Uint8Array; init: ResponseInit } = { source: '', bytes: new Uint8Array(0), init: TEXT };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 300 })),
        fc.constantFrom(TEXT, PNG, { headers: { 'content-type': 'text/plain', 'content-encoding': 'br' } }),
        async (source, init) => {
          payload = { source, bytes: typeof source === 'string' ? utf8(source) : source.slice(), init };
          const a = await h(httpEvent() as never, lambdaContext());
          const b = await h(httpEvent({ headers: { host: 'h', 'x-kind': 'stream' } }) as never, lambdaContext());
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 150 },
    );
  });
});

function streamedText(...parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    pull(c) {
      const next = parts.shift();
      if (next === undefined) c.close();
      else c.enqueue(utf8(next));
    },
  });
}

describe('one handler, answers that change from call to call', () => {
  it('the binary decision follows each response (content type and encoding)', async () => {
    const kinds: [Record<string, string>, boolean][] = [
      [{ 'content-type': 'application/json' }, false],
      [{ 'content-type': 'image/png' }, true],
      [{ 'content-type': 'application/json' }, false],
      [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, true],
      [{ 'content-type': 'application/json' }, false],
      [{}, true],
      [{ 'content-type': 'text/plain; charset=latin1' }, true],
      [{ 'content-type': 'text/plain' }, false],
    ];
    let i = 0;
    const h = handle(() => new Response(utf8('{}'), { headers: kinds[i]![0] }));
    for (i = 0; i < kinds.length; i++) {
      const r = (await h(httpEvent() as never, lambdaContext())) as unknown as Rec;
      expect(r.isBase64Encoded, JSON.stringify(kinds[i])).toBe(kinds[i]![1]);
    }
  });
  it('the origin follows each event: a bad Host after a good one falls back, then the good one is used again', async () => {
    const urls: string[] = [];
    const h = handle((req) => {
      urls.push(req.url);
      return new Response(null, { status: 204 });
    });
    const hosts = ['a.example.com', 'bad host', 'a.example.com', 'b.example.com:8443', 'a.example.com'];
    for (const host of hosts) {
      await h(httpEvent({ headers: { host, 'x-forwarded-proto': 'http' } }, { domainName: 'fallback.example.com' }) as never, lambdaContext());
    }
    expect(urls).toEqual([
      'http://a.example.com/items/1',
      'http://fallback.example.com/items/1',
      'http://a.example.com/items/1',
      'http://b.example.com:8443/items/1',
      'http://a.example.com/items/1',
    ]);
  });
});
