import fc from 'fast-check';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dial, Server, ShutdownError, type Client } from '@tslambda/netrpc';
import { counted, flavors, handles, newStats, noLeaks, testService, until, type Flavor, type TestStats } from './support/flavors.js';

/** Bytes a client sends for `Function.Invoke(payload)` with sequence number `seq`. */
function requestBytes(f: Flavor, payloads: string[]): Buffer {
  const codec = f.codec().client({ maxMessageSize: 1 << 30 });
  return Buffer.concat(
    payloads.map((p, seq) => codec.writeRequest({ serviceMethod: 'Function.Invoke', seq }, f.args(p), f.invokeArgs)),
  );
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Resolves with everything the server sent once the socket is closed. */
function drained(s: net.Socket): Promise<Buffer> {
  const parts: Buffer[] = [];
  s.on('data', (b: Buffer) => parts.push(b));
  s.on('error', () => {});
  return new Promise((resolve) => s.on('close', () => resolve(Buffer.concat(parts))));
}

for (const f of flavors) {
  describe(`server faults over ${f.name}`, () => {
    let server: Server;
    let port: number;
    let stats: TestStats;
    let before: Record<string, number>;
    const clients: Client[] = [];

    const start = async (options: ConstructorParameters<typeof Server>[0] = {}) => {
      stats = newStats();
      server = new Server({ codec: f.codec(), ...options })
        .register('Function', counted(f.methods, stats))
        .register('Test', testService(f, stats));
      ({ port } = await server.listen());
    };
    const client = async () => {
      const c = await dial({ port, codec: f.codec() });
      clients.push(c);
      return c;
    };
    const invoke = (c: Client, payload: string) =>
      c.call('Function.Invoke', f.args(payload), f.invokeArgs, f.invokeReply).then(f.payload);

    beforeEach(() => {
      before = handles();
    });

    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await server.close({ grace: 100 });
      expect(server.connections).toBe(0);
      await noLeaks(before);
    });

    it('survives a client that disconnects mid-request', async () => {
      await start();
      const good = await client();
      const slow = good.call('Test.Wait', 100, f.int, f.int);
      const bytes = requestBytes(f, ['"hello"']);
      const s = await connect(port);
      s.write(bytes.subarray(0, bytes.length >> 1));
      await new Promise((r) => setTimeout(r, 10));
      s.destroy();
      await until(() => server.connections === 1);
      expect(await slow).toBe(100);
      expect(await invoke(good, '1')).toBe('{"echo":1}');
    });

    it('survives a client that disconnects mid-response, and aborts its calls', async () => {
      await start();
      const s = await connect(port);
      const codec = f.codec().client({ maxMessageSize: 1 << 30 });
      s.write(codec.writeRequest({ serviceMethod: 'Test.Wait', seq: 0 }, 5000, f.int));
      s.write(codec.writeRequest({ serviceMethod: 'Function.Invoke', seq: 1 }, f.args(`"${'x'.repeat(8 << 20)}"`), f.invokeArgs));
      const gone = drained(s);
      await new Promise<void>((resolve) => s.once('data', () => resolve()));
      s.destroy();
      await gone;
      await until(() => server.connections === 0 && stats.aborted === 1, 5000, () => `conns ${server.connections} aborted ${stats.aborted} invokes ${stats.invokes}`);
    });

    it('closes a connection whose input ends inside a message, without a reply', async () => {
      await start();
      const bytes = requestBytes(f, ['1', '2']);
      const s = await connect(port);
      const out = drained(s);
      const firstLen = requestBytes(f, ['1']).length;
      s.end(bytes.subarray(0, firstLen + 3));
      const reply = await out;
      const c = f.codec().client({ maxMessageSize: 1 << 20 });
      c.writeRequest({ serviceMethod: 'Function.Invoke', seq: 0 }, f.args('1'), f.invokeArgs);
      c.push(reply);
      expect(c.readResponseHeader()).toMatchObject({ seq: 0, error: '' });
      expect(f.payload(c.readResponseBody(f.invokeReply)!.value)).toBe('{"echo":1}');
      expect(c.readResponseHeader()).toBeUndefined();
    });

    it('closes connections that send garbage, and keeps serving the others', async () => {
      await start();
      const good = await client();
      const slow = good.call('Test.Wait', 50, f.int, f.int);
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (junk) => {
          const s = await connect(port);
          const out = drained(s);
          s.end(junk);
          await out;
        }),
        { numRuns: 100 },
      );
      expect(await slow).toBe(50);
      expect(await invoke(good, '"still here"')).toBe('{"echo":"still here"}');
    });

    it('closes a connection that sends a message beyond maxMessageSize', async () => {
      await start({ maxMessageSize: 4096 });
      const c = await client();
      expect(await invoke(c, '1')).toBe('{"echo":1}');
      const err = await invoke(c, `"${'y'.repeat(8192)}"`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ShutdownError);
      await until(() => server.connections === 0);
    });

    it('answers a flood of pipelined calls with at most maxInFlight running at once', async () => {
      await start({ maxInFlight: 8 });
      const c = await client();
      const n = 5000;
      const replies = await Promise.all(Array.from({ length: n }, (_, i) => c.call('Test.Hit', i, f.int, f.int)));
      expect(replies).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(stats.hits).toBe(n);
      expect(stats.maxActive).toBeLessThanOrEqual(8);
      expect(stats.maxActive).toBeGreaterThan(1);
    });

    it('answers every buffered call when the client half-closes while maxInFlight is reached', async () => {
      await start({ maxInFlight: 4 });
      const n = 2000;
      const codec = f.codec().client({ maxMessageSize: 1 << 30 });
      const bytes = Buffer.concat(
        Array.from({ length: n }, (_, seq) => codec.writeRequest({ serviceMethod: 'Test.Hit', seq }, seq, f.int)),
      );
      const s = await connect(port);
      const out = drained(s);
      s.end(bytes);
      codec.push(await out);
      const seqs = new Set<number>();
      for (let h; (h = codec.readResponseHeader()); ) {
        expect(h.error).toBe('');
        expect(codec.readResponseBody(f.int)!.value).toBe(h.seq);
        seqs.add(h.seq);
      }
      expect(seqs.size).toBe(n);
      expect(stats.maxActive).toBeLessThanOrEqual(4);
    });

    it('stops reading from a client that does not read its replies (write backpressure)', async () => {
      await start({ maxWriteBuffer: 64 * 1024 });
      const n = 300;
      const s = await connect(port);
      s.pause();
      s.write(requestBytes(f, Array.from({ length: n }, () => `"${'z'.repeat(64 * 1024)}"`)));
      await new Promise((r) => setTimeout(r, 300));
      const handledWhilePaused = stats.invokes;
      expect(handledWhilePaused).toBeGreaterThan(0);
      expect(handledWhilePaused).toBeLessThan(n);
      let received = 0;
      s.on('data', (b: Buffer) => (received += b.length));
      s.resume();
      await until(() => received >= n * 64 * 1024);
      s.destroy();
    });

    it('serves 200 concurrent connections', async () => {
      await start();
      const cs = await Promise.all(Array.from({ length: 200 }, () => client()));
      await until(() => server.connections === 200);
      const replies = await Promise.all(cs.map((c, i) => Promise.all([invoke(c, `${i}`), c.call('Test.Hit', i, f.int, f.int)])));
      replies.forEach(([r, h], i) => {
        expect(r).toBe(`{"echo":${i}}`);
        expect(h).toBe(i);
      });
    });

    it('graceful shutdown: stops accepting, lets calls in flight answer, then closes', async () => {
      await start();
      const c = await client();
      const calls = Array.from({ length: 10 }, (_, i) => c.call('Test.Wait', 100 + i, f.int, f.int));
      await until(() => server.connections === 1);
      await new Promise((r) => setTimeout(r, 20));
      const closing = server.close({ grace: 2000 });
      await expect(dial({ port, codec: f.codec() })).rejects.toThrow(/ECONNREFUSED/);
      expect(await Promise.all(calls)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
      await closing;
      await until(() => c.isShutdown);
      await expect(c.call('Test.Hit', 1, f.int, f.int)).rejects.toBeInstanceOf(ShutdownError);
    });

    it('shutdown after the grace period aborts calls still running and closes their connections', async () => {
      await start();
      const c = await client();
      const call = c.call('Test.Wait', 10_000, f.int, f.int).catch((e: unknown) => e);
      await until(() => server.connections === 1);
      await new Promise((r) => setTimeout(r, 20));
      await server.close({ grace: 50 });
      expect(await call).toBeInstanceOf(ShutdownError);
      expect(stats.aborted).toBe(1);
    });
  });
}

