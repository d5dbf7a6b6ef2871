import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CallAbortedError,
  CallTimeoutError,
  Client,
  dial,
  Server,
  ServerError,
  ShutdownError,
} from '@tslambda/netrpc';
import { flavors, handles, noLeaks } from './support/flavors.js';

for (const f of flavors) {
  describe(`client over ${f.name} (TS server)`, () => {
    let server: Server;
    let port: number;
    let client: Client;
    let before: Record<string, number>;

    beforeEach(async () => {
      before = handles();
      server = new Server({ codec: f.codec() }).register('Function', f.methods);
      ({ port } = await server.listen());
      client = await dial({ port, codec: f.codec() });
    });

    afterEach(async () => {
      await client.close();
      await server.close();
      await noLeaks(before);
    });

    const invoke = (payload: string, options = {}) =>
      client.call('Function.Invoke', f.args(payload), f.invokeArgs, f.invokeReply, options).then(f.payload);

    it('pipelines many calls on one connection and matches replies by Seq', async () => {
      const n = 1000;
      const replies = await Promise.all(
        Array.from({ length: n }, (_, i) => invoke(i % 7 === 0 ? `"sleep:${i % 20}"` : `${i}`)),
      );
      replies.forEach((r, i) => expect(r).toBe(`{"echo":${i % 7 === 0 ? `"sleep:${i % 20}"` : i}}`));
      expect(client.pendingCalls).toBe(0);
    });

    it('rejects with ServerError for errors the server returned, and goes on', async () => {
      const err = await invoke('"fail"').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ServerError);
      expect(err).toMatchObject({ name: 'ServerError', code: 'ERR_NETRPC_SERVER', message: 'handler failed: boom' });
      await expect(client.call('Function.Nope', {}, f.pingArgs, f.pingReply)).rejects.toThrow(
        new ServerError("rpc: can't find method Function.Nope"),
      );
      await expect(client.call('Nope.Ping', {}, f.pingArgs, f.pingReply)).rejects.toThrow("rpc: can't find service Nope.Ping");
      await expect(client.call('NoDot', {}, f.pingArgs, f.pingReply)).rejects.toThrow(
        'rpc: service/method request ill-formed: NoDot',
      );
      expect(await invoke('1')).toBe('{"echo":1}');
    });

    it('times out a call; the late reply is dropped and the connection goes on', async () => {
      const err = await invoke('"sleep:300"', { timeout: 30 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CallTimeoutError);
      expect(client.pendingCalls).toBe(0);
      expect(await invoke('2')).toBe('{"echo":2}');
      await new Promise((r) => setTimeout(r, 350));
      expect(await invoke('3')).toBe('{"echo":3}');
    });

    it('aborts a call with its AbortSignal', async () => {
      const ac = new AbortController();
      const p = invoke('"sleep:200"', { signal: ac.signal });
      ac.abort(new Error('user gave up'));
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CallAbortedError);
      expect((err as Error).cause).toEqual(new Error('user gave up'));
      await expect(invoke('1', { signal: ac.signal })).rejects.toBeInstanceOf(CallAbortedError);
      expect(await invoke('4')).toBe('{"echo":4}');
    });

    it('close() fails every pending call at once with ShutdownError, and later calls too', async () => {
      const pending = Array.from({ length: 20 }, () => invoke('"sleep:500"').catch((e: unknown) => e));
      await new Promise((r) => setTimeout(r, 20));
      await client.close();
      for (const e of await Promise.all(pending)) {
        expect(e).toBeInstanceOf(ShutdownError);
        expect(e).toMatchObject({ message: 'connection is shut down', code: 'ERR_NETRPC_SHUTDOWN' });
      }
      await expect(invoke('1')).rejects.toBeInstanceOf(ShutdownError);
    });
  });

  describe(`client over ${f.name} when the server goes away`, () => {
    it('fails every pending call at once when the peer closes mid-call', async () => {
      const before = handles();
      const sockets: net.Socket[] = [];
      const peer = net.createServer((s) => {
        sockets.push(s);
        s.once('data', () => setTimeout(() => s.destroy(), 20));
      });
      await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
      const client = await dial({ port: (peer.address() as net.AddressInfo).port, codec: f.codec() });
      const calls = Array.from({ length: 10 }, () =>
        client.call('Function.Invoke', f.args('1'), f.invokeArgs, f.invokeReply).catch((e: unknown) => e),
      );
      const errs = await Promise.all(calls);
      for (const e of errs) {
        expect(e).toBeInstanceOf(ShutdownError);
        expect((e as Error).message).toMatch(/unexpected EOF|ECONNRESET/);
      }
      expect(client.isShutdown).toBe(true);
      await client.close();
      await new Promise<void>((r) => peer.close(() => r()));
      await noLeaks(before);
    });

    it('shuts down with every pending call failed when the server sends garbage', async () => {
      const before = handles();
      const peer = net.createServer((s) => {
        s.on('error', () => {});
        s.once('data', () => s.write(Buffer.from('f7' + 'ff'.repeat(9) + '7d5d', 'hex')));
      });
      await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
      const client = await dial({ port: (peer.address() as net.AddressInfo).port, codec: f.codec() });
      const errs = await Promise.all(
        Array.from({ length: 5 }, () =>
          client.call('Function.Invoke', f.args('1'), f.invokeArgs, f.invokeReply).catch((e: unknown) => e),
        ),
      );
      for (const e of errs) expect(e).toBeInstanceOf(ShutdownError);
      await client.close();
      await new Promise<void>((r) => peer.close(() => r()));
      await noLeaks(before);
    });

    it('fails to dial a closed port', async () => {
      const probe = net.createServer();
      await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
      const port = (probe.address() as net.AddressInfo).port;
      await new Promise<void>((r) => probe.close(() => r()));
      await expect(dial({ port, codec: f.codec() })).rejects.toThrow(/ECONNREFUSED/);
    });
  });
}
