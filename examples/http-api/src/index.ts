// A fetch handler with routes and a binary response. Runs behind API Gateway (REST or HTTP API),
// an ALB or a function URL: the gateway turns each event into a web-standard Request.
import { gateway } from '@tslambda/lambda';

// A 1x1 transparent PNG.
const PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

export async function app(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const hello = /^\/hello\/([^/]+)$/.exec(url.pathname);
  if (request.method === 'GET' && url.pathname === '/') return new Response('tslambda http-api example\n', { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (request.method === 'GET' && hello) return Response.json({ message: `Hello ${decodeURIComponent(hello[1]!)}!`, lang: url.searchParams.get('lang') ?? 'en' });
  if (request.method === 'GET' && url.pathname === '/pixel.png') return new Response(PIXEL, { headers: { 'content-type': 'image/png', 'cache-control': 'max-age=3600' } });
  if (request.method === 'POST' && url.pathname === '/echo') {
    const body = new Uint8Array(await request.arrayBuffer());
    return new Response(body, { status: 201, headers: { 'content-type': request.headers.get('content-type') ?? 'application/octet-stream' } });
  }
  return Response.json({ error: `no route for ${request.method} ${url.pathname}` }, { status: 404 });
}

gateway.start(app);
