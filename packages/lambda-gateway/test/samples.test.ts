// Every API Gateway, ALB, Function URL (and VPC Lattice) sample goes through handle() with an echo
// app; the Request the app sees is checked field by field against rules written here, from the event.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { handle, type LambdaHttpContext } from '@tslambda/lambda-gateway';
import { lambdaContext } from './helpers/context.js';
import { loadSamples, type Sample } from './helpers/fixtures.js';

type Kind = 'rest' | 'http' | 'function-url' | 'alb' | 'websocket' | 'lattice-v1' | 'lattice-v2';
const KINDS: Record<string, Kind> = {
  APIGatewayProxyEvent: 'rest',
  APIGatewayProxyEventV2: 'http',
  APIGatewayProxyEventV2WithIAMAuthorizer: 'http',
  APIGatewayProxyEventV2WithJWTAuthorizer: 'http',
  APIGatewayProxyEventV2WithLambdaAuthorizer: 'http',
  LambdaFunctionURLEvent: 'function-url',
  LambdaFunctionURLEventWithIAMAuthorizer: 'function-url',
  ALBEvent: 'alb',
  APIGatewayProxyWebsocketEventV2: 'websocket',
  VPCLatticeEvent: 'lattice-v1',
  VPCLatticeEventV2: 'lattice-v2',
};
const samples = loadSamples(Object.keys(KINDS));

type Rec = Record<string, unknown>;
const rec = (x: unknown): Rec => (x !== null && typeof x === 'object' ? (x as Rec) : {});
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

// ---- The expected request, by rules written from the AWS documentation ----

/** Header pairs as the event carries them: every multi-value entry, then single-value names not already seen. */
function eventHeaderPairs(e: Rec, kind: Kind): [string, string][] {
  const pairs: [string, string][] = [];
  const multi = kind === 'lattice-v2' ? rec(e.headers) : kind === 'http' || kind === 'function-url' || kind === 'lattice-v1' ? {} : rec(e.multiValueHeaders);
  const seen = new Set<string>();
  for (const [name, values] of Object.entries(multi)) {
    seen.add(name.toLowerCase());
    for (const v of Array.isArray(values) ? values : [values]) pairs.push([name, String(v)]);
  }
  if (kind !== 'lattice-v2') {
    for (const [name, value] of Object.entries(rec(e.headers))) if (!seen.has(name.toLowerCase()) && value != null) pairs.push([name, String(value)]);
  }
  if ((kind === 'http' || kind === 'function-url') && Array.isArray(e.cookies) && e.cookies.length > 0) {
    const rest = pairs.filter(([n]) => n.toLowerCase() !== 'cookie');
    rest.push(['cookie', (e.cookies as string[]).join('; ')]);
    return rest;
  }
  return pairs;
}

/** What Headers.get() should give per name: cookies joined with "; ", other repeats with ", "; values as UTF-8 bytes, trimmed. */
function expectedHeaders(pairs: [string, string][]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const [n, v] of pairs) {
    const key = n.toLowerCase();
    const bytes = Buffer.from(v, 'utf8').toString('latin1').trim();
    byName.set(key, [...(byName.get(key) ?? []), bytes]);
  }
  const out = new Map<string, string>();
  for (const [k, vs] of byName) out.set(k, vs.join(k === 'cookie' ? '; ' : ', '));
  return out;
}

function validHost(h: string | undefined): h is string {
  if (!h || /[/?#@\s]/.test(h)) return false;
  try {
    return new URL(`http://${h}/`).pathname === '/';
  } catch {
    return false;
  }
}

function expectedUrl(e: Rec, kind: Kind, headers: Map<string, string>): string {
  const rc = rec(e.requestContext);
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const scheme = proto === 'http' || proto === 'https' ? proto : kind === 'alb' ? 'http' : 'https';
  const candidates = [headers.get('host')?.split(', ')[0], ...(kind === 'alb' || kind.startsWith('lattice') ? [] : [str(rc.domainName)])];
  const host = candidates.find(validHost) ?? 'localhost';

  let path: string;
  let query: string;
  const encodeMap = (m: Rec, encode: (s: string) => string) =>
    Object.entries(m)
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encode(k)}=${encode(String(x))}`))
      .join('&');
  if (kind === 'http' || kind === 'function-url') {
    path = str(e.rawPath) ?? '/';
    const stage = str(rc.stage);
    // A non-$default stage appears as the first path segment; it is stripped by default.
    if (stage && stage !== '$default' && (path === `/${stage}` || path.startsWith(`/${stage}/`))) path = path.slice(stage.length + 1) || '/';
    query = str(e.rawQueryString) ?? '';
  } else if (kind === 'alb') {
    path = str(e.path)!;
    // ALB does not decode query parameters: they are put back as they are.
    query = encodeMap(rec(e.multiValueQueryStringParameters ?? e.queryStringParameters), (s) => s);
  } else if (kind === 'rest' || (kind === 'websocket' && typeof e.path === 'string' && typeof e.httpMethod === 'string')) {
    path = str(e.path)!;
    // The route's own path: the resource with its path parameters filled in, when that is the end of the path.
    const resource = str(e.resource);
    if (resource === '/') path = '/';
    else if (resource && !resource.includes('{')) {
      if (path.endsWith(resource) || path.endsWith(`${resource}/`)) path = path.slice(path.lastIndexOf(resource));
    } else if (resource) {
      const params = rec(e.pathParameters);
      const names = [...resource.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]!);
      if (names.every((n) => typeof params[n] === 'string')) {
        let filled = resource;
        for (const n of names) filled = filled.replace(new RegExp(`\\{${n}\\+?\\}`), params[n] as string);
        const at = path.lastIndexOf(filled);
        if (at >= 0 && (at + filled.length === path.length || (at + filled.length === path.length - 1 && path.endsWith('/')))) path = path.slice(at);
      }
    }
    // API Gateway decodes v1 query parameters: they are percent-encoded again.
    query = encodeMap(rec(e.multiValueQueryStringParameters ?? e.queryStringParameters), encodeURIComponent);
  } else if (kind === 'websocket') {
    path = `/${str(rc.routeKey)}`;
    query = encodeMap(rec(e.multiValueQueryStringParameters ?? e.queryStringParameters), encodeURIComponent);
  } else {
    const raw = kind === 'lattice-v1' ? str(e.raw_path)! : str(e.path)!;
    const q = raw.indexOf('?');
    path = q >= 0 ? raw.slice(0, q) : raw;
    query = q >= 0 ? raw.slice(q + 1) : encodeMap(rec(kind === 'lattice-v1' ? e.query_string_parameters : e.queryStringParameters), encodeURIComponent);
  }
  path = path.replace(/[?#]|%(?![0-9A-Fa-f]{2})/g, (c) => encodeURIComponent(c));
  return new URL(`${scheme}://${host}${path}${query ? `?${query}` : ''}`).href;
}

function expectedMethod(e: Rec, kind: Kind): string {
  const rc = rec(e.requestContext);
  if (kind === 'http' || kind === 'function-url') return str(rec(rc.http).method)!;
  if (kind.startsWith('lattice')) return str(e.method)!;
  if (kind === 'websocket') return str(e.httpMethod) ?? str(rc.httpMethod) ?? (rc.eventType === 'CONNECT' ? 'GET' : 'POST');
  return str(e.httpMethod)!;
}

function expectedBody(e: Rec, kind: Kind, method: string): Buffer {
  if (method === 'GET' || method === 'HEAD') return Buffer.alloc(0);
  const body = e.body;
  if (typeof body !== 'string') return Buffer.alloc(0);
  const b64 = kind === 'lattice-v1' ? e.is_base64_encoded : e.isBase64Encoded;
  return Buffer.from(body, b64 === true ? 'base64' : 'utf8');
}

// ---- Echo apps ----

interface Seen {
  method: string;
  url: string;
  headers: [string, string][];
  body: Buffer;
  ctx: LambdaHttpContext;
}

async function echo(sample: Sample): Promise<Seen> {
  let seen: Seen | undefined;
  const handler = handle(async (req, ctx) => {
    seen = { method: req.method, url: req.url, headers: [...req.headers], body: Buffer.from(await req.arrayBuffer()), ctx };
    return new Response('ok');
  });
  await handler(sample.event as never, lambdaContext());
  return seen!;
}

describe('every HTTP sample becomes the Request its event describes', () => {
  it('found samples of each API Gateway, ALB and Function URL kind', () => {
    const kinds = new Set(samples.map((s) => KINDS[s.type]));
    for (const k of ['rest', 'http', 'function-url', 'alb', 'websocket'] as const) expect(kinds).toContain(k);
  });

  for (const sample of samples) {
    const kind = KINDS[sample.type]!;
    it(`${sample.file}: method, URL, headers, cookies, body, context`, async () => {
      const e = sample.event;
      const seen = await echo(sample);
      const headers = expectedHeaders(eventHeaderPairs(e, kind));
      const method = expectedMethod(e, kind);
      expect(seen.method).toBe(method);
      expect(seen.url).toBe(expectedUrl(e, kind, headers));
      expect(new Map(seen.headers)).toEqual(headers);
      expect(seen.headers.find(([n]) => n === 'cookie')?.[1]).toBe(headers.get('cookie'));
      expect(seen.body.equals(expectedBody(e, kind, method))).toBe(true);
      expect(seen.ctx.event).toBe(e);
      expect(seen.ctx.kind).toBe(kind);
      expect(seen.ctx.requestContext).toBe(e.requestContext);
      expect(seen.ctx.lambdaContext.awsRequestId).toBe('req-1');
    });
  }
});

// ---- Responses per event kind ----

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const GZIP = gzipSync('hello gzip');
const responses: Record<string, () => Response> = {
  text: () => new Response('héllo wörld', { headers: { 'content-type': 'text/plain; charset=utf-8' } }),
  json: () => Response.json({ a: [1, 2], s: 'ü' }),
  image: () => new Response(PNG, { headers: { 'content-type': 'image/png' } }),
  gzip: () => new Response(GZIP, { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }),
  cookies: () => {
    const h = new Headers({ 'content-type': 'text/plain' });
    h.append('set-cookie', 'a=1; Path=/; HttpOnly');
    h.append('set-cookie', 'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT');
    h.append('set-cookie', 'c=3');
    return new Response('cookies', { headers: h });
  },
  empty: () => new Response(null, { status: 204 }),
  redirect: () => Response.redirect('https://example.com/next?x=1', 302),
};
const expectedBodies: Record<string, { body: string; base64: boolean }> = {
  text: { body: 'héllo wörld', base64: false },
  json: { body: '{"a":[1,2],"s":"ü"}', base64: false },
  image: { body: PNG.toString('base64'), base64: true },
  gzip: { body: GZIP.toString('base64'), base64: true },
  cookies: { body: 'cookies', base64: false },
  empty: { body: '', base64: false },
  redirect: { body: '', base64: false },
};
const COOKIES = ['a=1; Path=/; HttpOnly', 'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'c=3'];
const ALLOWED_KEYS: Record<Kind, string[]> = {
  rest: ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'],
  websocket: ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'],
  http: ['statusCode', 'headers', 'cookies', 'body', 'isBase64Encoded'],
  'function-url': ['statusCode', 'headers', 'cookies', 'body', 'isBase64Encoded'],
  alb: ['statusCode', 'statusDescription', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'],
  'lattice-v1': ['statusCode', 'statusDescription', 'headers', 'body', 'isBase64Encoded'],
  'lattice-v2': ['statusCode', 'statusDescription', 'headers', 'body', 'isBase64Encoded'],
};

/** Set-Cookie values and other headers of a result, read the way the service reads it. */
function readResult(r: Rec, kind: Kind, e: Rec): { cookies: string[]; get: (n: string) => string | undefined } {
  const single = rec(r.headers);
  const multi = rec(r.multiValueHeaders);
  const cookies: string[] = [];
  if (kind === 'http' || kind === 'function-url') cookies.push(...((r.cookies as string[] | undefined) ?? []));
  else if (kind === 'alb' && e.multiValueHeaders) cookies.push(...((multi['set-cookie'] as string[] | undefined) ?? []));
  else {
    for (const [n, v] of Object.entries(single)) if (n.toLowerCase() === 'set-cookie') cookies.push(String(v));
    for (const [n, v] of Object.entries(multi)) if (n.toLowerCase() === 'set-cookie') cookies.push(...(v as string[]));
  }
  const get = (n: string) => {
    const m = multi[n] as string[] | undefined;
    return m ? m.join(', ') : (single[n] as string | undefined);
  };
  return { cookies, get };
}

describe('responses come back in the shape each event kind expects', () => {
  for (const sample of samples) {
    const kind = KINDS[sample.type]!;
    it(`${sample.file}: text, JSON, image, gzip, cookies, empty, redirect`, async () => {
      const e = sample.event;
      for (const [name, make] of Object.entries(responses)) {
        const r = rec(await handle(() => make())(e as never, lambdaContext()));
        for (const key of Object.keys(r)) expect(ALLOWED_KEYS[kind], `${name}: key ${key}`).toContain(key);
        const status = name === 'empty' ? 204 : name === 'redirect' ? 302 : 200;
        expect(r.statusCode).toBe(status);
        const method = expectedMethod(e, kind);
        const want = method === 'HEAD' ? { body: '', base64: false } : expectedBodies[name]!;
        expect(r.body, name).toBe(want.body);
        expect(r.isBase64Encoded, name).toBe(want.base64);
        if (kind === 'alb' || kind.startsWith('lattice')) expect(r.statusDescription).toBe(status === 200 ? '200 OK' : status === 204 ? '204 No Content' : '302 Found');
        if (kind === 'alb') {
          // ALB answers in the header mode of the request.
          if (e.multiValueHeaders) expect(r.headers, name).toBeUndefined();
          else expect(r.multiValueHeaders, name).toBeUndefined();
        }
        const { cookies, get } = readResult(r, kind, e);
        expect(cookies, name).toEqual(name === 'cookies' ? COOKIES : []);
        if (name === 'redirect') expect(get('location')).toBe('https://example.com/next?x=1');
        if (name === 'gzip') expect(get('content-encoding')).toBe('gzip');
        if (name === 'json') expect(get('content-type')).toBe('application/json');
      }
    });
  }
});
