// method({ onReplyWritten }): the gob server writes a reply's large byte arrays from the reply's own
// memory and says when it is done with them. A handler that recycles its reply buffers from a
// pool in onReplyWritten must never see a reply corrupted, also when the client reads slowly
// (replies wait in the socket's queue) and many calls are in flight; and every reply is given
// back exactly once, also when the connection dies before the replies were written.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '@tslambda/gob';
import { gobCodec, method, Server } from '@tslambda/netrpc';

const Args = t.struct('Args', { Id: t.int() }, { pkg: 'main' });
const Reply = t.struct('Reply', { Id: t.int(), Data: t.bytes() }, { pkg: 'main' });
type ReplyValue = { Id: number; Data: Uint8Array };

const SIZE = 256 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fill = (b: Uint8Array, id: number) => {
  for (let i = 0; i < b.length; i++) b[i] = (id * 31 + i) & 0xff;
};
const intact = (r: ReplyValue) => {
  if (r.Data.length !== SIZE) return false;
  for (let i = 0; i < SIZE; i += 97) if (r.Data[i] !== ((r.Id * 31 + i) & 0xff)) return false;
  return r.Data[SIZE - 1] === ((r.Id * 31 + SIZE - 1) & 0xff);
};

/** A handler serving replies from a pool its onReplyWritten refills. */
function pooled(delay: (id: number) => number) {
  const free: Uint8Array[] = [];
  const given = new Map<ReplyValue, number>();
  const stats = { allocated: 0, reused: 0, written: 0, twice: 0 };
  const m = method({
    args: Args,
    reply: Reply,
    handler: async (a) => {
      await sleep(delay(a.Id));
      let buf = free.pop();
      if (buf) stats.reused++;
      else {
        buf = new Uint8Array(SIZE);
        stats.allocated++;
      }
      fill(buf, a.Id);
      const reply = { Id: a.Id, Data: buf };
      given.set(reply, 0);
      return reply;
    },
    onReplyWritten: (reply) => {
      const n = given.get(reply);
      if (n === undefined) throw new Error('onReplyWritten got a value the handler never returned');
      if (n > 0) stats.twice++;
      given.set(reply, n + 1);
      stats.written++;
      free.push(reply.Data);
    },
  });
  return { m, stats, given };
}

/** A raw gob client on a socket whose reading the test controls. */
async function rawClient(port: number) {
  const sock = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => sock.once('connect', resolve).once('error', reject));
  sock.pause();
  const codec = gobCodec().client({ maxMessageSize: 1 << 26 });
  const replies: ReplyValue[] = [];
  let got = 0;
  let header = false;
  const call = (seq: number) => sock.write(codec.writeRequest({ serviceMethod: 'Svc.Get', seq }, { Id: seq }, Args));
  const readAll = (n: number) =>
    new Promise<void>((resolve, reject) => {
      sock.on('error', reject);
      sock.on('data', (chunk: Buffer) => {
        codec.push(chunk);
        for (;;) {
          if (!header) header = codec.readResponseHeader() !== undefined;
          if (!header) break;
          const body = codec.readResponseBody(Reply);
          if (!body) break; // the rest of the body is still on its way
          header = false;
          const v = body.value as ReplyValue;
          replies.push({ Id: v.Id, Data: Uint8Array.from(v.Data) });
          if (++got === n) resolve();
        }
      });
      sock.resume();
    });
  return { sock, call, readAll, replies };
}

let server: Server | undefined;
afterEach(async () => {
  await server?.close({ grace: 0 });
  server = undefined;
});

describe('method({ onReplyWritten })', () => {
  it('is kept on the method only when set', () => {
    const cb = () => {};
    expect(method({ args: Args, reply: Reply, handler: () => ({ Id: 0, Data: new Uint8Array(0) }), onReplyWritten: cb }).onReplyWritten).toBe(cb);
    expect('onReplyWritten' in method({ args: Args, reply: Reply, handler: () => ({ Id: 0, Data: new Uint8Array(0) }) })).toBe(false);
  });

  it('pooled reply buffers are reused only after their write: a slow reader gets every reply intact', async () => {
    const { m, stats } = pooled((id) => (id % 4) * 3);
    server = new Server({ maxWriteBuffer: 1 << 30 });
    server.register('Svc', { Get: m });
    const { port } = await server.listen();
    const c = await rawClient(port);
    const N = 40;
    for (let seq = 1; seq <= N; seq++) c.call(seq);
    // Nothing is read for a while: the replies queue up in the server's socket.
    await sleep(400);
    const early = stats.written;
    expect(early).toBeLessThan(N);
    // Then a trickle, then everything.
    await c.readAll(N);
    c.sock.destroy();
    expect(c.replies.map((r) => r.Id).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    for (const r of c.replies) expect(intact(r), `reply ${r.Id}`).toBe(true);
    await sleep(20);
    expect(stats.written).toBe(N);
    expect(stats.twice).toBe(0);
  });

  it('many waves in flight reuse the pool (and still arrive intact)', async () => {
    const { m, stats } = pooled((id) => id % 3);
    server = new Server();
    server.register('Svc', { Get: m });
    const { port } = await server.listen();
    const c = await rawClient(port);
    const done = c.readAll(64);
    for (let wave = 0; wave < 8; wave++) {
      for (let i = 1; i <= 8; i++) c.call(wave * 8 + i);
      await sleep(15);
    }
    await done;
    c.sock.destroy();
    for (const r of c.replies) expect(intact(r), `reply ${r.Id}`).toBe(true);
    expect(stats.reused).toBeGreaterThan(0);
    expect(stats.allocated + stats.reused).toBe(64);
    await sleep(20);
    expect(stats.written).toBe(64);
    expect(stats.twice).toBe(0);
  });

  it('gives every reply back once when the connection dies before they were written', async () => {
    const { m, stats, given } = pooled(() => 0);
    server = new Server({ maxWriteBuffer: 1 << 30 });
    server.register('Svc', { Get: m });
    const { port } = await server.listen();
    const c = await rawClient(port);
    for (let seq = 1; seq <= 24; seq++) c.call(seq);
    await sleep(300);
    expect(stats.written).toBeLessThan(given.size);
    c.sock.destroy();
    for (let i = 0; i < 50 && stats.written < given.size; i++) await sleep(20);
    expect(given.size).toBeGreaterThan(0);
    expect(stats.written).toBe(given.size);
    expect(stats.twice).toBe(0);
  });
});
