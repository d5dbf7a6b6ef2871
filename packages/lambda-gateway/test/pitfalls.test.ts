// The bugs users of other adapters report (hono/aws-lambda, serverless-express, serverless-http,
// aws-lambda-fastify, mangum, lambda_http), each as a named test.
import { describe, expect, it } from 'vitest';
import {
  detectEventKind,
  GatewayError,
  handle,
  handleNode,
  InvalidResponseError,
  isBinaryResponse,
  ResponseTooLargeError,
  UnsupportedEventError,
  type GatewayOptions,
} from '@tslambda/lambda-gateway';
import { lambdaContext } from './helpers/context.js';
import { albEvent, httpEvent, latticeV1Event, latticeV2Event, restEvent, urlEvent, websocketEvent } from './helpers/events.js';

type Rec = Record<string, unknown>;

async function requestOf(event: Rec, options?: GatewayOptions): Promise<{ req: Request; body: Buffer }> {
  let req: Request | undefined;
  let body = Buffer.alloc(0);
  await handle(async (r) => {
    req = r;
    body = Buffer.from(await r.arrayBuffer());
    return new Response(null, { status: 204 });
  }, options)(event as never, lambdaContext());
  return { req: req!, body };
}

async function resultOf(event: Rec, make: () => Response, options?: GatewayOptions): Promise<Rec> {
  return (await handle(() => make(), options)(event as never, lambdaContext())) as unknown as Rec;
}

function threeCookies(): Response {
  const h = new Headers({ 'content-type': 'text/plain' });
  for (const c of ['a=1; Path=/', 'b=2; HttpOnly', 'c=3; Expires=Wed, 21 Oct 2026 07:28:00 GMT']) h.append('set-cookie', c);
  return new Response('x', { headers: h });
}
const COOKIES = ['a=1; Path=/', 'b=2; HttpOnly', 'c=3; Expires=Wed, 21 Oct 2026 07:28:00 GMT'];

describe('several Set-Cookie headers are never comma-joined (serverless-express#609 and #554, serverless-http#276, hono#2626)', () => {
  it('REST API: multiValueHeaders["set-cookie"], nothing in headers', async () => {
    const r = await resultOf(restEvent(), threeCookies);
    expect(r.multiValueHeaders).toEqual({ 'set-cookie': COOKIES });
    expect(Object.keys(r.headers as Rec).map((k) => k.toLowerCase())).not.toContain('set-cookie');
  });
  it('HTTP API and Function URL: cookies[]', async () => {
    for (const e of [httpEvent(), urlEvent()]) {
      const r = await resultOf(e, threeCookies);
      expect(r.cookies).toEqual(COOKIES);
      expect(r).not.toHaveProperty('multiValueHeaders');
    }
  });
  it('WebSocket API: multiValueHeaders', async () => {
    const r = await resultOf(websocketEvent(), threeCookies);
    expect(r.multiValueHeaders).toEqual({ 'set-cookie': COOKIES });
  });
  it('ALB multi-value mode: multiValueHeaders["set-cookie"]', async () => {
    const r = await resultOf(albEvent(true), threeCookies);
    expect((r.multiValueHeaders as Rec)['set-cookie']).toEqual(COOKIES);
  });
  it('ALB single-value mode and VPC Lattice: one differently-cased Set-Cookie key per cookie', async () => {
    for (const e of [albEvent(false), latticeV1Event(), latticeV2Event()]) {
      const headers = (await resultOf(e, threeCookies)).headers as Record<string, string>;
      const keys = Object.keys(headers).filter((k) => k.toLowerCase() === 'set-cookie');
      expect(new Set(keys).size).toBe(3);
      expect(keys.map((k) => headers[k])).toEqual(COOKIES);
    }
  });
  it('a single cookie stays a plain set-cookie header where no list exists', async () => {
    const r = await resultOf(albEvent(false), () => new Response('x', { headers: { 'set-cookie': 'only=1' } }));
    expect(r.headers).toMatchObject({ 'set-cookie': 'only=1' });
  });
});

describe('ALB header modes (hono#2626, serverless-http#219)', () => {
  it('answers a single-value request with headers only, one string per name', async () => {
    const r = await resultOf(albEvent(false), () => new Response('x', { headers: { 'content-type': 'text/plain', 'x-a': '1' } }));
    expect(r).not.toHaveProperty('multiValueHeaders');
    expect(r.headers).toEqual({ 'content-type': 'text/plain', 'x-a': '1' });
    expect(r.statusDescription).toBe('200 OK');
  });
  it('answers a multi-value request with multiValueHeaders only, lists everywhere', async () => {
    const r = await resultOf(albEvent(true), () => new Response('x', { status: 201, headers: { 'content-type': 'text/plain' } }));
    expect(r).not.toHaveProperty('headers');
    expect(r.multiValueHeaders).toEqual({ 'content-type': ['text/plain'] });
    expect(r.statusDescription).toBe('201 Created');
  });
  it('reads every value of a multi-value request header', async () => {
    const { req } = await requestOf(albEvent(true, { multiValueHeaders: { host: ['lb.example.com'], accept: ['text/html', 'application/json'] } }));
    expect(req.headers.get('accept')).toBe('text/html, application/json');
  });
  it('uses the app status text in statusDescription', async () => {
    const r = await resultOf(albEvent(false), () => new Response('x', { status: 299, statusText: 'Custom Thing' }));
    expect(r.statusDescription).toBe('299 Custom Thing');
  });
});

describe('binary bodies (base64 in, base64 out)', () => {
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  it('decodes a base64 request body to its bytes', async () => {
    for (const e of [
      restEvent({ httpMethod: 'POST', body: bytes.toString('base64'), isBase64Encoded: true }),
      httpEvent({ body: bytes.toString('base64'), isBase64Encoded: true }, { http: { method: 'PUT', path: '/', protocol: 'HTTP/1.1', sourceIp: '1.1.1.1', userAgent: 'x' } }),
      albEvent(false, { httpMethod: 'POST', body: bytes.toString('base64'), isBase64Encoded: true }),
      latticeV1Event({ method: 'POST', body: bytes.toString('base64'), is_base64_encoded: true }),
    ]) {
      const { body } = await requestOf(e);
      expect(body.equals(bytes)).toBe(true);
    }
  });
  it('keeps a UTF-8 text request body intact', async () => {
    const { body } = await requestOf(restEvent({ httpMethod: 'POST', body: 'héllo ☕ 𝄞' }));
    expect(body.toString('utf8')).toBe('héllo ☕ 𝄞');
  });
  it('base64-encodes binary responses and leaves text alone', async () => {
    const png = await resultOf(httpEvent(), () => new Response(bytes, { headers: { 'content-type': 'image/png' } }));
    expect(png).toMatchObject({ isBase64Encoded: true, body: bytes.toString('base64') });
    const svg = await resultOf(httpEvent(), () => new Response('<svg/>', { headers: { 'content-type': 'image/svg+xml' } }));
    expect(svg).toMatchObject({ isBase64Encoded: false, body: '<svg/>' });
    // Bytes with no content type cannot be assumed to be text.
    const noType = await resultOf(httpEvent(), () => new Response(bytes));
    expect(noType).toMatchObject({ isBase64Encoded: true, body: bytes.toString('base64') });
  });
  it('treats any Content-Encoding as binary, and a non-UTF-8 charset', () => {
    expect(isBinaryResponse('text/html', 'gzip')).toBe(true);
    expect(isBinaryResponse('text/html', 'identity')).toBe(false);
    expect(isBinaryResponse('text/plain; charset=iso-8859-1', null)).toBe(true);
    expect(isBinaryResponse('text/plain; charset="UTF-8"', null)).toBe(false);
    expect(isBinaryResponse('application/problem+json', null)).toBe(false);
    expect(isBinaryResponse('application/atom+xml', null)).toBe(false);
    expect(isBinaryResponse('application/javascript', null)).toBe(false);
    expect(isBinaryResponse('application/octet-stream', null)).toBe(true);
    expect(isBinaryResponse(null, null)).toBe(true);
  });
  it('lets an isBinary option override the rule', async () => {
    const r = await resultOf(restEvent(), () => new Response('plain', { headers: { 'content-type': 'text/plain' } }), { isBinary: () => true });
    expect(r).toMatchObject({ isBase64Encoded: true, body: Buffer.from('plain').toString('base64') });
  });
});

describe('stage prefix and base paths (serverless-express#465, powertools-lambda-python#621, aws-lambda-rust-runtime#450)', () => {
  it('strips a non-$default HTTP API stage from rawPath by default', async () => {
    const e = httpEvent({ rawPath: '/dev/items/1' }, { stage: 'dev' });
    expect(new URL((await requestOf(e)).req.url).pathname).toBe('/items/1');
    expect(new URL((await requestOf(e, { stripBasePath: false })).req.url).pathname).toBe('/dev/items/1');
  });
  it('does not strip a path segment that only starts like the stage', async () => {
    const e = httpEvent({ rawPath: '/devices/1' }, { stage: 'dev' });
    expect(new URL((await requestOf(e)).req.url).pathname).toBe('/devices/1');
  });
  it('strips a REST API custom-domain base path, single and nested', async () => {
    const single = restEvent({ path: '/v1/payment', resource: '/payment', pathParameters: null });
    expect(new URL((await requestOf(single)).req.url).pathname).toBe('/payment');
    const nested = restEvent({ path: '/v1/nested/payment/123/', resource: '/payment/{invoice+}', pathParameters: { invoice: '123' } });
    expect(new URL((await requestOf(nested)).req.url).pathname).toBe('/payment/123/');
    const root = restEvent({ path: '/v1', resource: '/', pathParameters: null });
    expect(new URL((await requestOf(root)).req.url).pathname).toBe('/');
  });
  it('gives the path the client sent with stripBasePath: false (REST: requestContext.path, with the stage)', async () => {
    expect(new URL((await requestOf(restEvent(), { stripBasePath: false })).req.url).pathname).toBe('/prod/items/1');
  });
  it('strips a basePath option (HTTP API mapping keys are not in the event)', async () => {
    const e = httpEvent({ rawPath: '/api/items/1' });
    expect(new URL((await requestOf(e, { basePath: '/api' })).req.url).pathname).toBe('/items/1');
    expect(new URL((await requestOf(httpEvent({ rawPath: '/api' }), { basePath: 'api/' })).req.url).pathname).toBe('/');
  });
});

describe('query encoding (serverless-http#74, serverless-express#219, aws-lambda-rust-runtime#543, mangum#178, aws-lambda-fastify#90)', () => {
  it('ALB: values stay encoded once (AWS does not decode them)', async () => {
    const e = albEvent(true, { multiValueQueryStringParameters: { myKey: ['%3FshowAll%3Dtrue', '%3FshowAll%3Dfalse'], q: ['a+b%20c'] } });
    const url = new URL((await requestOf(e)).req.url);
    expect(url.searchParams.getAll('myKey')).toEqual(['?showAll=true', '?showAll=false']);
    expect(url.searchParams.get('q')).toBe('a b c');
    expect(url.search).toBe('?myKey=%3FshowAll%3Dtrue&myKey=%3FshowAll%3Dfalse&q=a+b%20c');
  });
  it('REST: decoded values are encoded again, repeated names kept', async () => {
    const e = restEvent({
      queryStringParameters: { q: 'b', 'x y': 'a&b=c' },
      multiValueQueryStringParameters: { q: ['a', 'b'], 'x y': ['a&b=c'], u: ['☕ +'] },
    });
    const url = new URL((await requestOf(e)).req.url);
    expect(url.searchParams.getAll('q')).toEqual(['a', 'b']);
    expect(url.searchParams.get('x y')).toBe('a&b=c');
    expect(url.searchParams.get('u')).toBe('☕ +');
  });
  it('REST without multi-value parameters uses the single values', async () => {
    const url = new URL((await requestOf(restEvent({ queryStringParameters: { a: '1/2' }, multiValueQueryStringParameters: null }))).req.url);
    expect(url.search).toBe('?a=1%2F2');
  });
  it('HTTP API: rawQueryString is kept byte for byte', async () => {
    const url = new URL((await requestOf(httpEvent({ rawQueryString: 'a=%20&b=+&c&d=%E2%98%95&a=2' }))).req.url);
    expect(url.search).toBe('?a=%20&b=+&c&d=%E2%98%95&a=2');
  });
  it('VPC Lattice: v1 single values, v2 lists', async () => {
    expect(new URL((await requestOf(latticeV1Event())).req.url).searchParams.get('a')).toBe('b c');
    expect(new URL((await requestOf(latticeV2Event())).req.url).searchParams.getAll('tag')).toEqual(['a', 'b']);
  });
  it('a decoded REST path with ? or # stays a path', async () => {
    const e = restEvent({ path: '/files/a?b#c', resource: '/files/{name}', pathParameters: { name: 'a?b#c' } });
    const url = new URL((await requestOf(e)).req.url);
    expect(url.pathname).toBe('/files/a%3Fb%23c');
    expect(url.search).toBe('');
  });
});

describe('headers and cookies', () => {
  it('HTTP API cookies[] become one Cookie header', async () => {
    const { req } = await requestOf(httpEvent({ cookies: ['a=1', 'b=2'] }));
    expect(req.headers.get('cookie')).toBe('a=1; b=2');
  });
  it('multi-value Cookie headers are joined with "; ", not ", "', async () => {
    const { req } = await requestOf(albEvent(true, { multiValueHeaders: { host: ['h'], cookie: ['a=1', 'b=2'] } }));
    expect(req.headers.get('cookie')).toBe('a=1; b=2');
  });
  it('non-ASCII header values survive both ways', async () => {
    const { req } = await requestOf(httpEvent({ headers: { host: 'h.example.com', 'x-name': 'Zoë ☕' } }));
    expect(Buffer.from(req.headers.get('x-name')!, 'latin1').toString('utf8')).toBe('Zoë ☕');
    const r = await resultOf(httpEvent(), () => {
      const h = new Headers();
      h.set('x-name', Buffer.from('Zoë ☕', 'utf8').toString('latin1'));
      return new Response('x', { headers: h });
    });
    expect((r.headers as Rec)['x-name']).toBe('Zoë ☕');
  });
  it('a REST console test event (headers: null) still works', async () => {
    const { req } = await requestOf(restEvent({ headers: null, multiValueHeaders: null }));
    expect(req.url).toBe('https://abc123.execute-api.us-east-1.amazonaws.com/items/1');
  });
  it('drops hop-by-hop response headers API Gateway rejects', async () => {
    const r = await resultOf(restEvent(), () => new Response('x', { headers: { connection: 'keep-alive', 'transfer-encoding': 'chunked', 'x-ok': '1' } }));
    expect(r.headers).toEqual({ 'x-ok': '1', 'content-type': 'text/plain;charset=UTF-8' });
  });
});

describe('responses with no body (HEAD, 204, 304, redirects)', () => {
  it('HEAD keeps the headers and drops the body', async () => {
    const r = await resultOf(restEvent({ httpMethod: 'HEAD' }), () => new Response('would-be body', { headers: { 'content-length': '13' } }));
    expect(r).toMatchObject({ statusCode: 200, body: '', isBase64Encoded: false });
    expect((r.headers as Rec)['content-length']).toBe('13');
  });
  it('304 and 204 never carry a body', async () => {
    for (const status of [204, 304]) {
      const r = await resultOf(httpEvent(), () => new Response(status === 304 ? null : null, { status, headers: { etag: '"1"' } }));
      expect(r).toMatchObject({ statusCode: status, body: '' });
    }
  });
  it('redirects keep Location and an empty body', async () => {
    const r = await resultOf(urlEvent(), () => Response.redirect('https://example.com/x', 301));
    expect(r).toMatchObject({ statusCode: 301, body: '', headers: { location: 'https://example.com/x' } });
  });
});

describe('no keys API Gateway rejects (nitro#504: "Malformed Lambda proxy response")', () => {
  it('REST results have only statusCode, headers, multiValueHeaders, body, isBase64Encoded', async () => {
    const r = await resultOf(restEvent(), threeCookies);
    expect(Object.keys(r).sort()).toEqual(['body', 'headers', 'isBase64Encoded', 'multiValueHeaders', 'statusCode']);
  });
  it('REST results without cookies have no multiValueHeaders', async () => {
    const r = await resultOf(restEvent(), () => new Response('x'));
    expect(Object.keys(r).sort()).toEqual(['body', 'headers', 'isBase64Encoded', 'statusCode']);
  });
});

describe('GET bodies, WebSocket routes, Lattice', () => {
  it('a GET with a body (ALB sample rust-alb_request) reaches Node apps, not fetch (which forbids it)', async () => {
    const e = albEvent(false, { body: 'request_body' });
    expect((await requestOf(e)).body.length).toBe(0);
    let got = '';
    await handleNode((req, res) => {
      req.on('data', (c: Buffer) => (got += c.toString()));
      req.on('end', () => res.end('ok'));
    })(e as never, lambdaContext());
    expect(got).toBe('request_body');
  });
  it('WebSocket messages are POST /<routeKey>; $connect is GET', async () => {
    const msg = await requestOf(websocketEvent());
    expect(msg.req.method).toBe('POST');
    expect(new URL(msg.req.url).pathname).toBe('/sendMessage');
    expect(msg.body.toString()).toBe('{"action":"sendMessage"}');
    const connect = await requestOf(websocketEvent({ body: undefined, headers: { Host: 'ws.example.com' } }, { routeKey: '$connect', eventType: 'CONNECT' }));
    expect(connect.req.method).toBe('GET');
    expect(new URL(connect.req.url).pathname).toBe('/$connect');
  });
  it('VPC Lattice v2 headers are lists', async () => {
    const { req } = await requestOf(latticeV2Event());
    expect(req.headers.get('accept')).toBe('text/html, application/json');
    expect(req.url).toBe('https://svc-123.abc.vpc-lattice-svcs.us-east-1.on.aws/items/1?tag=a&tag=b');
  });
});

describe('errors', () => {
  it('names what it received when the event is not an HTTP event', async () => {
    const sqs = { Records: [{ eventSource: 'aws:sqs', body: 'x' }] };
    const h = handle(() => new Response('x'));
    await expect(h(sqs as never, lambdaContext())).rejects.toThrow(UnsupportedEventError);
    await expect(h(sqs as never, lambdaContext())).rejects.toThrow(/keys Records \(records from aws:sqs\)/);
    expect(() => detectEventKind('hello')).toThrow(/got string/);
    expect(() => detectEventKind(null)).toThrow(/got null/);
    expect(() => detectEventKind({ type: 'TOKEN', methodArn: 'arn', authorizationToken: 'x' })).toThrow(/authorizer/);
    try {
      detectEventKind([]);
    } catch (error) {
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).code).toBe('ERR_UNSUPPORTED_EVENT');
      expect((error as GatewayError).name).toBe('UnsupportedEventError');
    }
  });
  it('detects every kind', () => {
    expect(detectEventKind(restEvent())).toBe('rest');
    expect(detectEventKind(httpEvent())).toBe('http');
    expect(detectEventKind(urlEvent())).toBe('function-url');
    expect(detectEventKind(albEvent(true))).toBe('alb');
    expect(detectEventKind(websocketEvent())).toBe('websocket');
    expect(detectEventKind(latticeV1Event())).toBe('lattice-v1');
    expect(detectEventKind(latticeV2Event())).toBe('lattice-v2');
  });
  it('a handler that returns no Response fails with InvalidResponseError', async () => {
    await expect(handle((() => ({ status: 200 })) as never)(httpEvent() as never, lambdaContext())).rejects.toThrow(InvalidResponseError);
  });
  it('rejects with the app error, or onError turns it into a response', async () => {
    const boom = () => {
      throw new Error('boom');
    };
    await expect(handle(boom)(httpEvent() as never, lambdaContext())).rejects.toThrow('boom');
    const r = await resultOf(httpEvent(), boom, { onError: (e) => new Response(`caught ${(e as Error).message}`, { status: 500 }) });
    expect(r).toMatchObject({ statusCode: 500, body: 'caught boom' });
  });
  it('bounds a buffered body by maxResponseBytes (an endless stream does not exhaust memory)', async () => {
    const endless = () =>
      new Response(
        new ReadableStream({
          pull(c) {
            c.enqueue(new Uint8Array(64 * 1024));
          },
        }),
      );
    await expect(handle(endless, { maxResponseBytes: 1024 * 1024 })(httpEvent() as never, lambdaContext())).rejects.toThrow(ResponseTooLargeError);
  });
  it('a missing path or method is an InvalidHttpEventError naming the field, for every kind', async () => {
    const h = handle(() => new Response(''));
    const cases: [Record<string, unknown>, RegExp][] = [
      [albEvent(false, { path: undefined }), /^path: expected a string, got undefined/],
      [httpEvent({}, { http: { path: '/' } }), /^requestContext\.http\.method: /],
      [latticeV2Event({ path: null }), /^path: expected a string, got null/],
      [websocketEvent({}, { routeKey: undefined }), /^requestContext\.routeKey: /],
    ];
    for (const [event, message] of cases) {
      const error = await h(event as never, lambdaContext()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).code).toBe('ERR_INVALID_HTTP_EVENT');
      expect((error as Error).message).toMatch(message);
    }
  });
  it('a header value of the wrong type is an InvalidHttpEventError naming the field', async () => {
    await expect(handle(() => new Response(''))(httpEvent({ headers: { host: 'h', 'x-a': { nested: 1 } } }) as never, lambdaContext())).rejects.toThrow(
      /headers\.x-a: expected a string, got object/,
    );
  });
});
