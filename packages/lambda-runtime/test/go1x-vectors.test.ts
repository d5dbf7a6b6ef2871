// The go1.x transport in-process: byte-exact against Go's net/rpc vectors
// (/work/shared/vectors/rpc.json), fatal-error replies, start and stop.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Decoder, Encoder, t } from '@tslambda/gob';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext, functionInfoFromEnv } from '../src/context.js';
import { loadGo1xTransport } from '../src/go1x-loader.js';
import { InvokeRequest, InvokeResponse } from '../src/go1x/messages.js';
import { MAX_RESPONSE_BYTES } from '../src/invoke.js';
import { MAX_STREAM_RESPONSE_BYTES } from '../src/stream.js';
import type { Transport, TransportCore } from '../src/transport.js';
import type { Handler } from '../src/types.js';

interface RpcVector {
  name: string;
  calls: { request: { hex: string }; response: { hex: string } }[];
  clientToServerHex: string;
  serverToClientHex: string;
}

const vectors = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../../shared/vectors/rpc.json'), 'utf8')) as { vectors: RpcVector[] }
).vectors;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const running: { stop: AbortController; transport: Transport }[] = [];

async function startTransport(handler: Handler, port?: number): Promise<{ port: number; transport: Transport; stop: AbortController }> {
  const stop = new AbortController();
  const functionInfo = functionInfoFromEnv({});
  const core: TransportCore = {
    handler,
    functionInfo,
    concurrency: 1,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    maxStreamBytes: MAX_STREAM_RESPONSE_BYTES,
    signal: stop.signal,
    createContext: (meta) => createContext(meta, functionInfo),
  };
  const p = port ?? (await freePort());
  const transport = await (await loadGo1xTransport())(core, { port: p });
  running.push({ stop, transport });
  return { port: p, transport, stop };
}

afterEach(async () => {
  for (const r of running.splice(0)) {
    r.stop.abort();
    await r.transport.done;
  }
});

/**
 * Sends each request on one connection, waiting for its reply (as the Go client of the vectors did:
 * pipelined calls may be answered in any order), and returns every reply byte (5 s at most).
 */
async function exchange(port: number, requests: string[], replyBytes: number[]): Promise<Buffer> {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  let got = 0;
  let wake: (() => void) | undefined;
  socket.on('data', (c: Buffer) => {
    chunks.push(c);
    got += c.length;
    wake?.();
  });
  socket.on('error', () => wake?.());
  const deadline = Date.now() + 5000;
  try {
    let want = 0;
    for (let i = 0; i < requests.length; i++) {
      socket.write(Buffer.from(requests[i]!, 'hex'));
      want += replyBytes[i]!;
      while (got < want && Date.now() < deadline && !socket.destroyed) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    }
  } finally {
    socket.destroy();
  }
  return Buffer.concat(chunks);
}

function replay(port: number, v: RpcVector): Promise<Buffer> {
  return exchange(port, v.calls.map((c) => c.request.hex), v.calls.map((c) => c.response.hex.length / 2));
}

// The vectors' Go Function echoes the payload as {"echo":<payload>}.
const echo: Handler = (event) => ({ echo: event });

describe('go1.x transport: Go net/rpc vectors', () => {
  for (const name of ['rpc/lambda-session', 'rpc/invoke-first', 'rpc/large-payload', 'rpc/unknown-method', 'rpc/ill-formed-method', 'rpc/bad-args']) {
    it(`answers ${name} byte for byte as the Go function does`, async () => {
      const v = vectors.find((x) => x.name === name)!;
      const { port } = await startTransport(echo);
      const out = await replay(port, v);
      expect(out.toString('hex')).toBe(v.serverToClientHex);
    });
  }
});

describe('go1.x transport: process-fatal errors and lifecycle', () => {
  it('failInflight answers every invocation in flight with ShouldExit before the process would exit', async () => {
    const v = vectors.find((x) => x.name === 'rpc/invoke-first')!;
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const { port, transport } = await startTransport(() => {
      entered();
      return new Promise(() => {});
    });
    const reply = exchange(port, [v.clientToServerHex], [40]);
    await inHandler;
    const err = new RangeError('fatal');
    await transport.failInflight(err);
    const dec = new Decoder();
    dec.push(await reply);
    const header = dec.tryDecode(t.struct('Response', { ServiceMethod: t.string(), Seq: t.uint64(), Error: t.string() }));
    expect(header?.value).toEqual({ ServiceMethod: 'Function.Invoke', Seq: 0, Error: '' });
    const body = dec.tryDecode(InvokeResponse)?.value;
    expect(body?.Payload.length).toBe(0);
    expect(body?.Error).toMatchObject({ Type: 'RangeError', Message: 'fatal', ShouldExit: true });
    expect(body?.Error?.StackTrace[0]?.Path).toBe(__filename);
  });

  it('failInflight with nothing in flight resolves at once', async () => {
    const { transport } = await startTransport(echo);
    await expect(transport.failInflight(new Error('x'))).resolves.toBeUndefined();
  });

  it('fails to start when the port is taken, and done resolves after the signal aborts', async () => {
    const { port } = await startTransport(echo);
    await expect(startTransport(echo, port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

const RpcRequest = t.struct('Request', { ServiceMethod: t.string(), Seq: t.uint64() });
const RpcResponse = t.struct('Response', { ServiceMethod: t.string(), Seq: t.uint64(), Error: t.string() });

/** Sends one Function.Invoke on a new connection and decodes the reply. */
async function invokeOnce(port: number, req: Parameters<Encoder['encode']>[1]): Promise<{ header: unknown; body: unknown }> {
  const enc = new Encoder();
  const bytes = Buffer.concat([enc.encode(RpcRequest, { ServiceMethod: 'Function.Invoke', Seq: 1 }), enc.encode(InvokeRequest, req as never)]);
  const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
  const dec = new Decoder();
  return new Promise((resolve, reject) => {
    let header: { value: unknown } | undefined;
    const timer = setTimeout(() => done(new Error('no reply within 5 s')), 5000);
    const done = (err?: Error, body?: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve({ header: header!.value, body });
    };
    socket.on('data', (c: Buffer) => {
      dec.push(c);
      header ??= dec.tryDecode(RpcResponse);
      if (!header) return;
      const body = dec.tryDecode(InvokeResponse);
      if (body) done(undefined, body.value);
    });
    socket.on('error', (err) => done(err));
  });
}

describe('go1.x transport: hostile input', () => {
  it('survives corrupted and cut request streams, and keeps serving new connections', async () => {
    const { port } = await startTransport(echo);
    const base = Buffer.from(vectors.find((x) => x.name === 'rpc/lambda-session')!.clientToServerHex, 'hex');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(base.length),
        async (flips, cut) => {
          const bytes = Buffer.from(base.subarray(0, cut));
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          await new Promise<void>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
            socket.on('data', () => {});
            socket.on('error', () => resolve());
            socket.on('close', () => resolve());
            setTimeout(() => socket.destroy(), 300);
          });
        },
      ),
      { numRuns: 100 },
    );
    const v = vectors.find((x) => x.name === 'rpc/lambda-session')!;
    expect((await replay(port, v)).toString('hex')).toBe(v.serverToClientHex);
  });

  it('takes extreme deadlines and odd field values without failing the RPC', async () => {
    let seen: { remaining: number; deadline: number; identity: unknown; cc: unknown } | undefined;
    const { port } = await startTransport((_event, context) => {
      seen = { remaining: context.getRemainingTimeInMillis(), deadline: context.deadline, identity: context.identity, cc: context.clientContext };
      return 'ok';
    });
    const base = {
      Payload: Buffer.from('{}'),
      RequestId: 'r\u0000\u{1F600}',
      XAmznTraceId: '',
      InvokedFunctionArn: '',
      CognitoIdentityId: '',
      CognitoIdentityPoolId: 'pool',
      ClientContext: Buffer.from('null'),
    };
    for (const [Seconds, Nanos] of [
      [-(2n ** 63n), 0n],
      [2n ** 63n - 1n, 2n ** 63n - 1n],
      [0n, -(2n ** 63n)],
    ] as const) {
      const { header, body } = await invokeOnce(port, { ...base, Deadline: { Seconds, Nanos } });
      expect(header).toEqual({ ServiceMethod: 'Function.Invoke', Seq: 1, Error: '' });
      expect(body).toMatchObject({ Error: null });
      expect(Buffer.from((body as { Payload: Uint8Array }).Payload).toString()).toBe('"ok"');
      expect(Number.isFinite(seen!.deadline)).toBe(true);
      expect(seen!.remaining).toBeGreaterThanOrEqual(0);
      expect(seen!.identity).toEqual({ cognitoIdentityId: '', cognitoIdentityPoolId: 'pool' });
      expect(seen!.cc).toBeUndefined();
    }
  });
});


describe('go1.x request fields', () => {
  it('turns Deadline{Seconds, Nanos} into epoch milliseconds as Go does (time.Unix(s, ns).UnixMilli())', async () => {
    const { deadlineMs } = await import('../src/go1x/meta.js');
    expect(deadlineMs(1700000000n, 0n)).toBe(1700000000000);
    expect(deadlineMs(1700000000n, 999_999_999n)).toBe(1700000000999);
    expect(deadlineMs(1700000000n, 1_500_000_000n)).toBe(1700000001500);
    expect(deadlineMs(1700000000n, -1n)).toBe(1699999999999);
    expect(deadlineMs(0n, 0n)).toBe(0);
  });

  it('checks the client context as aws-lambda-go does before calling the handler', async () => {
    const { clientContextError } = await import('../src/go1x/invoke.js');
    expect(clientContextError(undefined)).toBeUndefined();
    expect(clientContextError('null')).toBeUndefined();
    expect(clientContextError('{"client":{}}')).toBeUndefined();
    expect(clientContextError('{')).toMatchObject({ Type: 'SyntaxError', StackTrace: [], ShouldExit: false });
    for (const [text, kind] of [['"s"', 'string'], ['1', 'number'], ['true', 'bool'], ['[]', 'array']]) {
      expect(clientContextError(text)?.Message).toBe(`json: cannot unmarshal ${kind} into Go value of type lambdacontext.ClientContext`);
    }
  });
});
