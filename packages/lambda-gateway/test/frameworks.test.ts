// A real Hono app (fetch) and a real Express app (Node req/res) through the adapter.
import express from 'express';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { handle, handleNode, type LambdaHttpContext } from '@tslambda/lambda-gateway';
import { lambdaContext } from './helpers/context.js';
import { albEvent, httpEvent, restEvent, urlEvent } from './helpers/events.js';

type Rec = Record<string, unknown>;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('Hono', () => {
  const app = new Hono<{ Bindings: LambdaHttpContext }>();
  app.get('/hello/:name', (c) => c.json({ hello: c.req.param('name'), q: c.req.queries('q') ?? null, kind: c.env.kind }));
  app.post('/echo', async (c) => c.text(`got ${await c.req.text()}`));
  app.get('/login', (c) => {
    setCookie(c, 'session', 'abc', { httpOnly: true, path: '/' });
    setCookie(c, 'theme', 'dark', { path: '/' });
    return c.redirect('/home');
  });
  app.get('/whoami', (c) => c.text(`session=${getCookie(c, 'session') ?? '-'} theme=${getCookie(c, 'theme') ?? '-'}`));
  app.get('/logo.png', (c) => c.body(PNG, 200, { 'content-type': 'image/png' }));
  app.get('/raw', (c) => c.json({ path: c.env.event && 'rawPath' in c.env.event ? c.env.event.rawPath : null, id: c.env.lambdaContext.awsRequestId }));
  const handler = handle(app);
  const call = async (e: Rec) => (await handler(e as never, lambdaContext())) as unknown as Rec;

  it('routes, params and repeated query values (HTTP API with a stage)', async () => {
    const r = await call(httpEvent({ rawPath: '/v1/hello/ana', rawQueryString: 'q=1&q=2' }, { stage: 'v1' }));
    expect(r).toMatchObject({ statusCode: 200, isBase64Encoded: false });
    expect(JSON.parse(r.body as string)).toEqual({ hello: 'ana', q: ['1', '2'], kind: 'http' });
  });
  it('POST bodies (REST, base64)', async () => {
    const r = await call(restEvent({ httpMethod: 'POST', path: '/echo', pathParameters: { proxy: 'echo' }, body: Buffer.from('ping').toString('base64'), isBase64Encoded: true }));
    expect(r.body).toBe('got ping');
  });
  it('two cookies and a redirect, per event kind', async () => {
    const rest = await call(restEvent({ path: '/login', pathParameters: { proxy: 'login' } }));
    expect(rest.statusCode).toBe(302);
    expect((rest.multiValueHeaders as Rec)['set-cookie']).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
    expect((rest.headers as Rec).location).toBe('/home');
    const url = await call(urlEvent({ rawPath: '/login' }));
    expect(url.cookies).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
    const alb = await call(albEvent(true, { path: '/login' }));
    expect((alb.multiValueHeaders as Rec)['set-cookie']).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
  });
  it('reads request cookies from HTTP API cookies[] and ALB multi-value cookie headers', async () => {
    expect((await call(httpEvent({ rawPath: '/whoami', cookies: ['session=s1', 'theme=light'] }))).body).toBe('session=s1 theme=light');
    const alb = albEvent(true, { path: '/whoami', multiValueHeaders: { host: ['lb'], cookie: ['session=s2', 'theme=x'] } });
    expect((await call(alb)).body).toBe('session=s2 theme=x');
  });
  it('binary responses are base64', async () => {
    const r = await call(httpEvent({ rawPath: '/logo.png' }));
    expect(r).toMatchObject({ isBase64Encoded: true, body: PNG.toString('base64') });
  });
  it('the raw event and Lambda context reach c.env', async () => {
    expect(JSON.parse((await call(httpEvent({ rawPath: '/raw' }))).body as string)).toEqual({ path: '/raw', id: 'req-1' });
  });
  it('unknown routes are 404', async () => {
    expect((await call(httpEvent({ rawPath: '/nope' }))).statusCode).toBe(404);
  });
});

describe('Express', () => {
  const app = express();
  app.set('trust proxy', true);
  app.use(express.json());
  app.get('/hello/:name', (req, res) => {
    res.json({ hello: req.params.name, q: req.query.q, ip: req.ip, protocol: req.protocol, host: req.hostname, secure: req.secure });
  });
  app.post('/json', (req, res) => res.status(201).json({ got: req.body as unknown }));
  app.get('/login', (_req, res) => {
    res.cookie('session', 'abc', { httpOnly: true });
    res.cookie('theme', 'dark');
    res.redirect('/home');
  });
  app.get('/logo.png', (_req, res) => res.type('png').send(PNG));
  app.get('/nothing', (_req, res) => res.sendStatus(204));
  app.get('/cached', (_req, res) => res.set('ETag', '"v1"').send('cached body'));
  app.get('/headers', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'x-list': ['a', 'b'] });
    res.end('written');
  });
  app.get('/chunks', (_req, res) => {
    res.setHeader('content-type', 'text/plain');
    res.write('a');
    setTimeout(() => {
      res.write('b');
      res.end('c');
    }, 5);
  });
  app.get('/boom', () => {
    throw new Error('express boom');
  });
  const handler = handleNode(app);
  const call = async (e: Rec) => (await handler(e as never, lambdaContext())) as unknown as Rec;

  it('params, query, client IP, protocol and host', async () => {
    const r = await call(restEvent({ path: '/hello/bo', pathParameters: { proxy: 'hello/bo' }, multiValueQueryStringParameters: { q: ['x y'] } }));
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(r.body as string)).toEqual({
      hello: 'bo',
      q: 'x y',
      ip: '203.0.113.7',
      protocol: 'https',
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
      secure: true,
    });
  });
  it('JSON bodies through body-parser, even without a Content-Length in the event', async () => {
    const e = httpEvent(
      { rawPath: '/json', headers: { host: 'h.example.com', 'content-type': 'application/json' }, body: '{"a":[1,"ü"]}' },
      { http: { method: 'POST', path: '/json', protocol: 'HTTP/1.1', sourceIp: '1.2.3.4', userAgent: 'x' } },
    );
    const r = await call(e);
    expect(r.statusCode).toBe(201);
    expect(JSON.parse(r.body as string)).toEqual({ got: { a: [1, 'ü'] } });
  });
  it('two cookies and a redirect (ALB single-value mode spreads them)', async () => {
    const r = await call(albEvent(false, { path: '/login' }));
    expect(r.statusCode).toBe(302);
    const headers = r.headers as Record<string, string>;
    const cookies = Object.keys(headers)
      .filter((k) => k.toLowerCase() === 'set-cookie')
      .map((k) => headers[k]);
    expect(cookies).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
    expect(headers.location).toBe('/home');
    expect(r.statusDescription).toBe('302 Found');
  });
  it('binary, 204, 304 and HEAD', async () => {
    expect(await call(httpEvent({ rawPath: '/logo.png' }))).toMatchObject({ isBase64Encoded: true, body: PNG.toString('base64') });
    expect(await call(httpEvent({ rawPath: '/nothing' }))).toMatchObject({ statusCode: 204, body: '' });
    const notModified = await call(httpEvent({ rawPath: '/cached', headers: { host: 'h', 'if-none-match': '"v1"' } }));
    expect(notModified).toMatchObject({ statusCode: 304, body: '' });
    const head = await call(restEvent({ httpMethod: 'HEAD', path: '/cached', pathParameters: { proxy: 'cached' } }));
    expect(head).toMatchObject({ statusCode: 200, body: '' });
    expect((head.headers as Rec)['content-length']).toBe('11');
  });
  it('writeHead with header objects and arrays, chunked writes', async () => {
    const h = await call(restEvent({ path: '/headers', pathParameters: { proxy: 'headers' } }));
    expect(h).toMatchObject({ body: 'written', headers: { 'content-type': 'text/plain', 'x-list': 'a, b' } });
    expect(await call(httpEvent({ rawPath: '/chunks' }))).toMatchObject({ body: 'abc' });
  });
  it('errors go through Express error handling (500)', async () => {
    const r = await call(httpEvent({ rawPath: '/boom' }));
    expect(r.statusCode).toBe(500);
  });
});
