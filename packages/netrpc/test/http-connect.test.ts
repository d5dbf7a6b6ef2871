import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialHTTP, HttpConnectError, Server } from '@tslambda/netrpc';
import { flavors, handles, noLeaks } from './support/flavors.js';

function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(text));
    let out = '';
    s.on('data', (b) => (out += b.toString('latin1')));
    s.on('error', reject);
    s.on('close', () => resolve(out));
  });
}

for (const f of flavors) {
  describe(`HTTP CONNECT (rpc.HandleHTTP style) over ${f.name}`, () => {
    let server: Server;
    let port: number;
    let before: Record<string, number>;

    beforeEach(async () => {
      before = handles();
      server = new Server({ codec: f.codec() }).register('Function', f.methods);
      ({ port } = await server.listen({ http: true }));
    });

    afterEach(async () => {
      await server.close();
      await noLeaks(before);
    });

    it('serves calls after CONNECT /_goRPC_', async () => {
      const c = await dialHTTP({ port, codec: f.codec() });
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) => c.call('Function.Invoke', f.args(`${i}`), f.invokeArgs, f.invokeReply).then(f.payload)),
      );
      replies.forEach((r, i) => expect(r).toBe(`{"echo":${i}}`));
      await c.close();
    });

    it('answers other methods with 405 and other paths with 404, as Go does', async () => {
      const get = await rawExchange(port, 'GET /_goRPC_ HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(get).toMatch(/^HTTP\/1\.0 405 Method Not Allowed\r\n/);
      expect(get.endsWith('\r\n\r\n405 must CONNECT\n')).toBe(true);
      expect(await rawExchange(port, 'CONNECT /other HTTP/1.0\n\n')).toMatch(/^HTTP\/1\.0 404 Not Found\r\n/);
      await expect(dialHTTP({ port, path: '/nope', codec: f.codec() })).rejects.toThrow(
        new HttpConnectError('unexpected HTTP response: 404 Not Found'),
      );
    });
  });
}
