import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dial, json, jsonCodec, Server, ServerError, type JsonValue } from '@tslambda/netrpc';
import { goAvailable, parseSteps, runGoClient, startGoServer, type GoServer } from './support/go.js';
import { jsonFunction } from './support/function-json.js';

const d = goAvailable ? describe : describe.skip;

/** Sends raw bytes to `port`, half-closes, and collects everything until the server closes. */
function exchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.end(bytes));
    let out = '';
    s.on('data', (b) => (out += b.toString()));
    s.on('error', reject);
    s.on('close', () => resolve(out));
  });
}

const REQUESTS =
  '{"method":"Function.Invoke","params":[{"Payload":"ImhpIg=="}],"id":"a<b"}' +
  '{"id": 7 ,"Method":"Function.Nope","params":[{}]}\n' +
  '{"method":"NoDot","params":[{}],"id":null}' +
  ' {"method":"Function.Ping","id":[1, 2]}' +
  '{"method":"Function.Invoke","params":{},"id":9}';
const REPLIES = [
  '{"id":"a\\u003cb","result":{"Payload":"eyJlY2hvIjoiaGkifQ==","Error":null},"error":null}',
  '{"id":7,"result":null,"error":"rpc: can\'t find method Function.Nope"}',
  '{"id":null,"result":null,"error":"rpc: service/method request ill-formed: NoDot"}',
  '{"id":[1,2],"result":null,"error":"jsonrpc: request body missing params"}',
  '{"id":9,"result":null,"error":"json: cannot unmarshal object into Go value of type [1]interface {}"}',
];
const BROKEN = '{"method":"Function.Ping","params":[{}],"id":1}{"method":}{"method":"Function.Ping","params":[{}],"id":2}';

/** Reply lines in a stable order (calls run concurrently, so replies may come in any order). */
const lines = (out: string) => out.split('\n').sort();

describe('jsonrpc wire format (TS server)', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = new Server({ codec: jsonCodec }).register('Function', jsonFunction);
    ({ port } = await server.listen());
  });
  afterAll(() => server.close());

  it('answers as Go jsonrpc: id echoed compacted, result/error, newline-terminated', async () => {
    expect(lines(await exchange(port, REQUESTS))).toEqual(['', ...REPLIES].sort());
    expect(await exchange(port, '{"method":"Function.Invoke","params":[7],"id":10}')).toBe(
      '{"id":10,"result":null,"error":"jsonrpc: InvokeRequest does not have the expected shape"}\n',
    );
  });

  it('closes the connection on malformed JSON after answering what came before', async () => {
    expect(await exchange(port, BROKEN)).toBe('{"id":1,"result":{},"error":null}\n');
  });
});

d('jsonrpc interop with Go', () => {
  let server: Server;
  let port: number;
  let go: GoServer;
  beforeAll(async () => {
    server = new Server({ codec: jsonCodec }).register('Function', jsonFunction);
    ({ port } = await server.listen());
    go = await startGoServer(['-codec', 'json']);
  });
  afterAll(async () => {
    await server.close();
    await go.stop();
  });

  it('the Go jsonrpc server answers the same bytes the same way', async () => {
    expect(lines(await exchange(go.port, REQUESTS))).toEqual(['', ...REPLIES].sort());
    expect(await exchange(go.port, BROKEN)).toBe('{"id":1,"result":{},"error":null}\n');
  });

  it('a Go jsonrpc client calls the TS server', async () => {
    const r = await runGoClient(['-addr', `127.0.0.1:${port}`, '-codec', 'json']);
    const steps = parseSteps(r.stdout);
    expect(steps.filter((s) => !s.ok)).toEqual([]);
    expect(steps.map((s) => s.step)).toContain('ping-last');
    expect(r.code).toBe(0);
  });

  it('the TS jsonrpc client calls the Go server', async () => {
    const client = await dial({ port: go.port, codec: jsonCodec });
    try {
      const any = json();
      expect(await client.call('Function.Ping', {}, any, any)).toEqual({});
      const payload = Buffer.from('{"a":1}').toString('base64');
      const reply = (await client.call('Function.Invoke', { Payload: payload }, any, any)) as { [k: string]: JsonValue };
      expect(Buffer.from(reply.Payload as string, 'base64').toString()).toBe('{"echo":{"a":1}}');
      expect(reply.Error).toBeNull();
      const fail = Buffer.from('"fail"').toString('base64');
      await expect(client.call('Function.Invoke', { Payload: fail }, any, any)).rejects.toThrow(
        new ServerError('handler failed: boom'),
      );
      await expect(client.call('Function.Nope', {}, any, any)).rejects.toThrow("rpc: can't find method Function.Nope");
      await expect(client.call('Function.Invoke', 7, any, any)).rejects.toThrow(
        'json: cannot unmarshal number into Go value of type messages.InvokeRequest',
      );
      const many = await Promise.all(
        Array.from({ length: 200 }, (_, i) => client.call('Function.Invoke', { Payload: Buffer.from(`${i}`).toString('base64') }, any, any)),
      );
      many.forEach((r, i) => expect(Buffer.from((r as { Payload: string }).Payload, 'base64').toString()).toBe(`{"echo":${i}}`));
      const big = `"${'x'.repeat(1 << 20)}"`;
      const bigReply = (await client.call('Function.Invoke', { Payload: Buffer.from(big).toString('base64') }, any, any)) as { Payload: string };
      expect(Buffer.from(bigReply.Payload, 'base64').toString()).toBe(`{"echo":${big}}`);
    } finally {
      await client.close();
    }
  });
});
