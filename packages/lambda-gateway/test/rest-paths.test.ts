// REST API paths relative to the API: resource templates with several parameters, literals between and
// after them, and missing values; the same resource seen again with other values.
import { describe, expect, it } from 'vitest';
import { handle } from '@tslambda/lambda-gateway';
import { lambdaContext } from './helpers/context.js';
import { restEvent } from './helpers/events.js';

async function pathOf(event: Record<string, unknown>): Promise<string> {
  let url = '';
  await handle((req) => {
    url = req.url;
    return new Response(null, { status: 204 });
  })(event as never, lambdaContext());
  return new URL(url).pathname;
}

describe('REST resource templates', () => {
  const resource = '/shops/{shop}/items/{item}/detail';
  it('fills every parameter, then strips what precedes the match', async () => {
    expect(await pathOf(restEvent({ path: '/base/shops/s1/items/7/detail', resource, pathParameters: { shop: 's1', item: '7' } }))).toBe('/shops/s1/items/7/detail');
    // Same resource, other values: nothing from the first event is reused.
    expect(await pathOf(restEvent({ path: '/x/y/shops/s2/items/8/detail/', resource, pathParameters: { shop: 's2', item: '8' } }))).toBe('/shops/s2/items/8/detail/');
  });
  it('keeps the path when a parameter is missing or the filled template does not match', async () => {
    expect(await pathOf(restEvent({ path: '/base/shops/s1/items/7/detail', resource, pathParameters: { shop: 's1' } }))).toBe('/base/shops/s1/items/7/detail');
    expect(await pathOf(restEvent({ path: '/base/shops/s1/items/7/detail', resource, pathParameters: null }))).toBe('/base/shops/s1/items/7/detail');
    expect(await pathOf(restEvent({ path: '/base/shops/s1/items/9/detail', resource, pathParameters: { shop: 's1', item: '7' } }))).toBe('/base/shops/s1/items/9/detail');
  });
  it('greedy and adjacent parameters', async () => {
    expect(await pathOf(restEvent({ path: '/v2/files/a/b/c.txt', resource: '/files/{key+}', pathParameters: { key: 'a/b/c.txt' } }))).toBe('/files/a/b/c.txt');
    expect(await pathOf(restEvent({ path: '/v2/p/ab', resource: '/p/{a}{b}', pathParameters: { a: 'a', b: 'b' } }))).toBe('/p/ab');
    expect(await pathOf(restEvent({ path: '/v2/ab', resource: '{a}{b}', pathParameters: { a: '/a', b: 'b' } }))).toBe('/ab');
  });
  it('many distinct resources (the template cache is bounded) all resolve', async () => {
    for (let i = 0; i < 300; i++) {
      const r = `/r${i}/{id}`;
      expect(await pathOf(restEvent({ path: `/base/r${i}/x${i}`, resource: r, pathParameters: { id: `x${i}` } }))).toBe(`/r${i}/x${i}`);
    }
  });
});
