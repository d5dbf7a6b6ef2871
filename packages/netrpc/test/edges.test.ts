import { Duplex, PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '@tslambda/gob';
import { BodyError, Client, dial, json, jsonCodec, method, Server, ServerConfigError, ServerError } from '@tslambda/netrpc';
import { flavors } from './support/flavors.js';

/** Two connected in-memory duplex streams (no socket). */
function duplexPair(): [Duplex, Duplex] {
  const ab = new PassThrough();
  const ba = new PassThrough();
  return [Duplex.from({ readable: ba, writable: ab }), Duplex.from({ readable: ab, writable: ba })];
}

describe('any duplex stream', () => {
  for (const f of flavors) {
    it(`serves and calls over an in-memory duplex pair (${f.name})`, async () => {
      const server = new Server({ codec: f.codec() }).register('Function', f.methods);
      const [a, b] = duplexPair();
      const served = server.serve(a);
      const client = new Client(b, { codec: f.codec() });
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => client.call('Function.Invoke', f.args(`${i}`), f.invokeArgs, f.invokeReply).then(f.payload)),
      );
      replies.forEach((r, i) => expect(r).toBe(`{"echo":${i}}`));
      await client.close();
      await served;
      expect(server.connections).toBe(0);
      await server.close();
    });
  }
});

describe('bodies that do not fit their types', () => {
  let server: Server | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
  });

  it('gob: a reply that does not fit its schema is answered with Response.Error, first reply or later', async () => {
    const Out = t.struct('Out', { N: t.int8() });
    server = new Server().register('S', {
      Bad: method({ args: t.int(), reply: Out, handler: (n) => ({ N: n }) }),
    });
    const { port } = await server.listen();
    client = await dial({ port });
    await expect(client.call('S.Bad', 1000, t.int(), Out)).rejects.toThrow(ServerError);
    await expect(client.call('S.Bad', 1000, t.int(), Out)).rejects.toThrow(/^rpc: cannot encode reply: /);
    expect(await client.call('S.Bad', 5, t.int(), Out)).toEqual({ N: 5 });
    await expect(client.call('S.Bad', -1000, t.int(), Out)).rejects.toThrow(/^rpc: cannot encode reply: /);
    expect(await client.call('S.Bad', -5, t.int(), Out)).toEqual({ N: -5 });
  });

  it('gob: arguments that do not fit are a BodyError; nothing is sent and the connection goes on', async () => {
    server = new Server().register('S', { Echo: method({ args: t.int8(), reply: t.int8(), handler: (n) => n }) });
    const { port } = await server.listen();
    client = await dial({ port });
    const err = await client.call('S.Echo', 300, t.int8(), t.int8()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyError);
    expect(err).toMatchObject({ code: 'ERR_NETRPC_BODY' });
    expect(await client.call('S.Echo', 7, t.int8(), t.int8())).toBe(7);
    expect(client.pendingCalls).toBe(0);
  });

  it('gob: a reply that does not decode into the caller type fails that call only', async () => {
    server = new Server().register('S', { Echo: method({ args: t.int(), reply: t.int(), handler: (n) => n }) });
    const { port } = await server.listen();
    client = await dial({ port });
    await expect(client.call('S.Echo', 1, t.int(), t.string())).rejects.toThrow(/^reading body gob: /);
    expect(await client.call('S.Echo', 2, t.int(), t.int())).toBe(2);
  });

  it('jsonrpc: NaN in a reply is refused like Go ("json: unsupported value"), as an error reply', async () => {
    server = new Server({ codec: jsonCodec }).register('S', {
      Div: method({ args: json(), reply: json(), handler: () => NaN }),
    });
    const { port } = await server.listen();
    client = await dial({ port, codec: jsonCodec });
    await expect(client.call('S.Div', null, json(), json())).rejects.toThrow(
      new ServerError('rpc: cannot encode reply: json: unsupported value: NaN'),
    );
    await expect(client.call('S.Div', NaN, json(), json())).rejects.toBeInstanceOf(BodyError);
  });
});

describe('registration', () => {
  it('refuses an empty name, a duplicate service, bad method names and no methods', () => {
    const server = new Server();
    const m = method({ args: t.int(), reply: t.int(), handler: (n) => n });
    expect(() => server.register('', { M: m })).toThrow(ServerConfigError);
    server.register('A', { M: m });
    expect(() => server.register('A', { M: m })).toThrow('rpc: service already defined: A');
    expect(() => server.register('B', { 'x.y': m })).toThrow(ServerConfigError);
    expect(() => server.register('C', {})).toThrow('rpc.Register: type C has no exported methods of suitable type');
  });

  it('passes the call context to the method', async () => {
    const seen: unknown[] = [];
    const server = new Server().register('Ctx', {
      Get: method({
        args: t.int(),
        reply: t.int(),
        handler: (n, ctx) => {
          seen.push([ctx.serviceMethod, ctx.seq, ctx.remoteAddress, ctx.signal.aborted]);
          return n;
        },
      }),
    });
    const { port } = await server.listen();
    const client = await dial({ port });
    await client.call('Ctx.Get', 1, t.int(), t.int());
    await client.call('Ctx.Get', 2, t.int(), t.int());
    expect(seen).toEqual([
      ['Ctx.Get', 0, '127.0.0.1', false],
      ['Ctx.Get', 1, '127.0.0.1', false],
    ]);
    await client.close();
    await server.close();
  });
});

describe('user types named like net/rpc headers', () => {
  it('carries a user struct named Request/Response next to rpc.Request/rpc.Response', async () => {
    const Request = t.struct('Request', { Name: t.string() });
    const Response = t.struct('Response', { Greeting: t.string(), Seq: t.int() });
    const server = new Server().register('Greeter', {
      Hello: method({ args: Request, reply: Response, handler: (a) => ({ Greeting: `hi ${a.Name}`, Seq: 7 }) }),
    });
    const { port } = await server.listen();
    const client = await dial({ port });
    try {
      const replies = await Promise.all([1, 2].map((i) => client.call('Greeter.Hello', { Name: `n${i}` }, Request, Response)));
      expect(replies).toEqual([{ Greeting: 'hi n1', Seq: 7 }, { Greeting: 'hi n2', Seq: 7 }]);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
