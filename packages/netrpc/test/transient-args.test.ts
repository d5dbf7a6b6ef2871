// Methods with transientArgs let the gob server reuse the memory behind their []byte arguments.
// Large arguments in flight together must still reach every handler intact, and methods without
// the option (which may read their argument later) must never see it overwritten.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '@tslambda/gob';
import { dial, method, Server, type Client } from '@tslambda/netrpc';

const Args = t.struct('Args', { Id: t.int(), Data: t.bytes() }, { pkg: 'main' });
const Reply = t.struct('Reply', { Id: t.int(), Sum: t.string() }, { pkg: 'main' });

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function data(id: number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (id * 7 + i * 13) & 0xff;
  return b;
}

let server: Server | undefined;
let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

describe('method({ transientArgs })', () => {
  it('is kept on the method only when set', () => {
    expect(method({ args: Args, reply: Reply, handler: () => ({ Id: 0, Sum: '' }), transientArgs: true }).transientArgs).toBe(true);
    expect('transientArgs' in method({ args: Args, reply: Reply, handler: () => ({ Id: 0, Sum: '' }) })).toBe(false);
  });

  it('large arguments in flight together reach each handler intact, in both kinds of methods', async () => {
    server = new Server();
    const late: { id: number; args: Uint8Array; want: string }[] = [];
    server.register('Svc', {
      // Hashes its argument before awaiting, as transientArgs promises.
      Now: method({
        args: Args,
        reply: Reply,
        transientArgs: true,
        handler: async (a) => {
          const sum = sha(a.Data);
          await sleep(a.Id % 3 === 0 ? 20 : 0);
          return { Id: a.Id, Sum: sum };
        },
      }),
      // Reads its argument only after awaiting: the server must leave those bytes alone.
      Later: method({
        args: Args,
        reply: Reply,
        handler: async (a) => {
          await sleep(30);
          return { Id: a.Id, Sum: sha(a.Data) };
        },
      }),
    });
    const { port } = await server.listen();
    client = await dial({ port });
    const calls: Promise<void>[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 8; i++) {
        const id = round * 100 + i;
        const args = data(id, 40_000 + ((id * 7919) % 300_000));
        const want = sha(args);
        const name = round === 1 && i % 2 === 0 ? 'Svc.Later' : 'Svc.Now';
        calls.push(
          client.call(name, { Id: id, Data: args }, Args, Reply).then((r) => {
            expect(r.Id).toBe(id);
            expect(r.Sum, `${name} ${id}`).toBe(want);
          }),
        );
        if (name === 'Svc.Later') late.push({ id, args, want });
      }
      await Promise.all(calls.splice(0));
    }
    expect(late.length).toBe(4);
  });
});
