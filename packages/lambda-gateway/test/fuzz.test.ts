// Bad input gets a typed error, never a crash: arbitrary events and arbitrary field values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatewayError, handle, handleNode } from '@tslambda/lambda-gateway';
import { lambdaContext } from './helpers/context.js';
import { albEvent, httpEvent, latticeV2Event, restEvent } from './helpers/events.js';

const app = handle(async (req) => new Response(`${req.method} ${req.url} ${(await req.arrayBuffer()).byteLength}`));
const nodeApp = handleNode((req, res) => {
  req.resume();
  req.on('end', () => res.end(`${req.method} ${req.url}`));
});

async function settles(handler: typeof app, event: unknown): Promise<void> {
  try {
    const r = (await handler(event as never, lambdaContext())) as { statusCode: number };
    expect(typeof r.statusCode).toBe('number');
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(GatewayError);
  }
}

const text = fc.string({ unit: 'binary', maxLength: 40 });
const headerMap = fc.dictionary(text, fc.oneof(text, fc.constant(null), fc.integer()), { maxKeys: 6 });

describe('fuzz', () => {
  it('arbitrary JSON values are answered or refused with a GatewayError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (v) => {
        await settles(app, v);
        await settles(nodeApp, v);
      }),
      { numRuns: 200 },
    );
  });

  it('HTTP events with arbitrary paths, methods, headers, queries and bodies never crash', async () => {
    const arb = fc.record({
      kind: fc.constantFrom('rest', 'http', 'alb', 'lattice'),
      path: text,
      method: fc.oneof(fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'CONNECT', 'TRACE'), text),
      headers: headerMap,
      query: fc.dictionary(text, text, { maxKeys: 4 }),
      body: fc.option(text),
      b64: fc.boolean(),
      stage: fc.constantFrom('$default', 'dev', '', 'a/b'),
    });
    await fc.assert(
      fc.asyncProperty(arb, async (a) => {
        let e: Record<string, unknown>;
        if (a.kind === 'rest') e = restEvent({ path: a.path, httpMethod: a.method, headers: a.headers, multiValueHeaders: null, queryStringParameters: a.query, body: a.body, isBase64Encoded: a.b64 });
        else if (a.kind === 'http')
          e = httpEvent({ rawPath: a.path, headers: a.headers, rawQueryString: a.path, body: a.body ?? undefined, isBase64Encoded: a.b64 }, { stage: a.stage, http: { method: a.method, path: a.path, protocol: 'HTTP/1.1', sourceIp: '1', userAgent: '' } });
        else if (a.kind === 'alb') e = albEvent(false, { path: a.path, httpMethod: a.method, headers: a.headers, queryStringParameters: a.query, body: a.body, isBase64Encoded: a.b64 });
        else e = latticeV2Event({ path: a.path, method: a.method, headers: Object.fromEntries(Object.entries(a.headers).map(([k, v]) => [k, [v]])), body: a.body ?? undefined });
        await settles(app, e);
        await settles(nodeApp, e);
      }),
      { numRuns: 300 },
    );
  });

  it('a __proto__ header does not pollute prototypes', async () => {
    const e = httpEvent({ headers: { host: 'h', __proto__: 'polluted', constructor: 'x' } });
    JSON.parse(JSON.stringify(e));
    const withProto = JSON.parse('{"host":"h","__proto__":{"polluted":"yes"},"constructor":"x"}') as Record<string, unknown>;
    await settles(app, httpEvent({ headers: withProto }));
    await settles(nodeApp, httpEvent({ headers: withProto }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
