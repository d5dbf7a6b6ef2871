import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, dial, dialHTTP, Server, ServerError, ShutdownError, CallTimeoutError } from '@tslambda/netrpc';
import { t } from '@tslambda/gob';
import { gobFlavor, gobFunction, invokeArgs } from './support/function-gob.js';
import { goAvailable, parseSteps, runGoClient, startGoServer, type GoServer } from './support/go.js';
import { InvokeRequest, InvokeResponse, PingRequest, PingResponse } from './support/messages.js';

const d = goAvailable ? describe : describe.skip;

d('gob interop: a Go net/rpc client calls the TS server', () => {
  let plain: Server;
  let http: Server;
  let port: number;
  let httpPort: number;
  beforeAll(async () => {
    plain = new Server().register('Function', gobFunction);
    http = new Server().register('Function', gobFunction);
    ({ port } = await plain.listen());
    ({ port: httpPort } = await http.listen({ http: true }));
  });
  afterAll(async () => {
    await plain.close();
    await http.close();
  });

  for (const mode of ['tcp', 'http'] as const) {
    it(`over ${mode === 'tcp' ? 'rpc.Dial' : 'rpc.DialHTTP'}: calls, errors, unknown methods, bad args, 50 goroutines, 1 MiB bodies`, async () => {
      const args = mode === 'tcp' ? ['-addr', `127.0.0.1:${port}`] : ['-addr', `127.0.0.1:${httpPort}`, '-http'];
      const r = await runGoClient(args);
      const steps = parseSteps(r.stdout);
      expect(steps.filter((s) => !s.ok), r.stderr).toEqual([]);
      expect(steps.map((s) => s.step)).toEqual([
        'ping', 'invoke', 'method-error', 'handler-error', 'unknown-method', 'unknown-service', 'ill-formed',
        'bad-args', 'ping-after-errors', 'concurrent', 'large', 'ping-last',
      ]);
      // The decode error text is Go's own.
      expect(steps.find((s) => s.step === 'bad-args')!.detail).toBe(
        'gob: type mismatch in decoder: want struct type messages.InvokeRequest; got non-struct',
      );
      expect(r.code).toBe(0);
    });
  }
});

d('gob interop: the TS client calls a Go net/rpc server', () => {
  let go: GoServer;
  let goHttp: GoServer;
  beforeAll(async () => {
    [go, goHttp] = await Promise.all([startGoServer([]), startGoServer(['-http'])]);
  });
  afterAll(async () => {
    await go.stop();
    await goHttp.stop();
  });

  const script = async (client: Client) => {
    const invoke = (payload: string, options = {}) =>
      client.call('Function.Invoke', invokeArgs(payload), InvokeRequest, InvokeResponse, options);
    expect(await client.call('Function.Ping', {}, PingRequest, PingResponse)).toEqual({});
    expect(gobFlavor.payload(await invoke('{"a":1}'))).toBe('{"echo":{"a":1}}');
    await expect(invoke('"fail"')).rejects.toThrow(new ServerError('handler failed: boom'));
    const he = await invoke('"handler-error"');
    expect(he.Error).toMatchObject({ Message: 'bad input', Type: 'ValidationError', ShouldExit: false });
    expect(he.Error!.StackTrace).toEqual([{ Path: 'main.go', Line: 42, Label: 'main.handler' }]);
    await expect(client.call('Function.Nope', {}, PingRequest, PingResponse)).rejects.toThrow(
      new ServerError("rpc: can't find method Function.Nope"),
    );
    await expect(client.call('Nope.Ping', {}, PingRequest, PingResponse)).rejects.toThrow("rpc: can't find service Nope.Ping");
    await expect(client.call('NoDot', {}, PingRequest, PingResponse)).rejects.toThrow(
      'rpc: service/method request ill-formed: NoDot',
    );
    await expect(client.call('Function.Invoke', 7, t.int(), InvokeResponse)).rejects.toThrow(
      'gob: type mismatch in decoder: want struct type messages.InvokeRequest; got non-struct',
    );
    // Many calls pipelined from "many callers" at once, replies matched by Seq.
    const many = await Promise.all(Array.from({ length: 500 }, (_, i) => invoke(`${i}`)));
    many.forEach((r, i) => expect(gobFlavor.payload(r)).toBe(`{"echo":${i}}`));
    const big = `"${'0123456789abcdef'.repeat(1 << 16)}"`;
    expect(gobFlavor.payload(await invoke(big))).toBe(`{"echo":${big}}`);
    // A timed-out call's late reply is read and dropped; the connection goes on.
    await expect(invoke('"sleep:200"', { timeout: 20 })).rejects.toBeInstanceOf(CallTimeoutError);
    await new Promise((r) => setTimeout(r, 250));
    expect(gobFlavor.payload(await invoke('5'))).toBe('{"echo":5}');
  };

  it('over TCP (rpc.Accept / ServeConn)', async () => {
    const client = await dial({ port: go.port });
    try {
      await script(client);
    } finally {
      await client.close();
    }
  });

  it('over HTTP CONNECT (rpc.HandleHTTP)', async () => {
    const client = await dialHTTP({ port: goHttp.port });
    try {
      await script(client);
    } finally {
      await client.close();
    }
    await expect(dialHTTP({ port: goHttp.port, path: '/elsewhere' })).rejects.toThrow('unexpected HTTP response: 404 Not Found');
  });

  it('every pending call fails at once when the Go server goes away', async () => {
    const gone = await startGoServer([]);
    const client = await dial({ port: gone.port });
    const calls = Array.from({ length: 20 }, () =>
      client.call('Function.Invoke', invokeArgs('"sleep:5000"'), InvokeRequest, InvokeResponse).catch((e: unknown) => e),
    );
    await new Promise((r) => setTimeout(r, 50));
    await gone.stop();
    for (const e of await Promise.all(calls)) expect(e).toBeInstanceOf(ShutdownError);
    await client.close();
  });
});
