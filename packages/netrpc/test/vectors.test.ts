import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { IdSpace, t, type Schema } from '@tslambda/gob';
import { Client, gobCodec, method, Server, ServerError, type CallContext } from '@tslambda/netrpc';
import { InvokeRequest, InvokeResponse, PingRequest, PingResponse } from './support/messages.js';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Call {
  seq: number;
  serviceMethod: string;
  argsType: string;
  args: unknown;
  request: { hex: string };
  response: { hex: string; header: { Error: string }; body: unknown };
  clientResult: { error: string; reply?: unknown };
}
interface RpcVector {
  name: string;
  mode: 'two-processes' | 'in-process';
  calls: Call[];
  clientToServerHex: string;
  serverToClientHex: string;
}

const vectors = (
  JSON.parse(readFileSync(path.join(here, '../../../../shared/vectors/rpc.json'), 'utf8')) as { vectors: RpcVector[] }
).vectors;

/** The vectors' JSON value convention → JS values (only what the messages types use). */
function fromJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$bytes === 'string') return new Uint8Array(Buffer.from(o.$bytes, 'base64'));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromJson(x)]));
  }
  return v;
}

/** Decoded values with every byte view (a `Buffer` when it views a socket chunk) as a plain `Uint8Array`. */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return new Uint8Array(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

const argSchema = (argsType: string): Schema =>
  ({ '*messages.PingRequest': PingRequest, '*messages.InvokeRequest': InvokeRequest, '*int': t.int() })[argsType]!;
const replySchema = (serviceMethod: string): Schema => (serviceMethod === 'Function.Invoke' ? InvokeResponse : PingResponse);

/** A server whose methods answer exactly what the Go server of `v` answered, looked up by Seq. */
function vectorServer(v: RpcVector, ids?: IdSpace): Server {
  const answer = (ctx: CallContext) => {
    const call = v.calls.find((c) => c.seq === ctx.seq)!;
    if (call.response.header.Error) throw new Error(call.response.header.Error);
    return fromJson(call.response.body);
  };
  return new Server({ codec: gobCodec(ids ? { ids } : {}) }).register('Function', {
    Ping: method({ args: PingRequest, reply: PingResponse, handler: (_a, ctx) => answer(ctx) as {} }),
    Invoke: method({
      args: InvokeRequest,
      reply: InvokeResponse,
      handler: (args, ctx) => {
        const call = v.calls.find((c) => c.seq === ctx.seq)!;
        expect(plain(args)).toEqual(fromJson(call.args));
        return answer(ctx) as never;
      },
    }),
  });
}

/** Reads exactly `n` bytes from `s` (buffering the rest). */
function reader(s: net.Socket) {
  let buf = Buffer.alloc(0);
  let want: { n: number; resolve: (b: Buffer) => void } | undefined;
  const check = () => {
    if (want && buf.length >= want.n) {
      const out = buf.subarray(0, want.n);
      buf = buf.subarray(want.n);
      const w = want;
      want = undefined;
      w.resolve(out);
    }
  };
  s.on('data', (b: Buffer) => {
    buf = Buffer.concat([buf, b]);
    check();
  });
  return {
    read: (n: number) =>
      new Promise<Buffer>((resolve) => {
        want = { n, resolve };
        check();
      }),
    rest: () => buf,
  };
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

const twoProcess = vectors.filter((v) => v.mode === 'two-processes');

describe('rpc vectors: the TS server answers Go client bytes with Go server bytes', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close({ grace: 0 }))));

  for (const v of twoProcess) {
    it(`${v.name}: call by call over a socket`, async () => {
      const server = vectorServer(v);
      servers.push(server);
      const { port } = await server.listen();
      const s = await connect(port);
      onTestFinished(() => void s.destroy());
      const r = reader(s);
      for (const call of v.calls) {
        s.write(Buffer.from(call.request.hex, 'hex'));
        const got = await r.read(call.response.hex.length / 2);
        expect(got.toString('hex'), `response to seq ${call.seq}`).toBe(call.response.hex);
      }
      const closed = new Promise((resolve) => s.on('close', resolve));
      s.end();
      await closed;
      expect(r.rest().length).toBe(0);
    });

    it(`${v.name}: the whole client stream at once, in small chunks`, async () => {
      const server = vectorServer(v);
      servers.push(server);
      const { port } = await server.listen();
      const s = await connect(port);
      onTestFinished(() => void s.destroy());
      const r = reader(s);
      const bytes = Buffer.from(v.clientToServerHex, 'hex');
      // 7-byte chunks split every message; the 128 KiB vector uses 1021-byte chunks to stay quick.
      const step = bytes.length > 10_000 ? 1021 : 7;
      for (let i = 0; i < bytes.length; i += step) s.write(bytes.subarray(i, i + step));
      s.end();
      const got = await r.read(v.serverToClientHex.length / 2);
      expect(got.toString('hex')).toBe(v.serverToClientHex);
      s.destroy();
    });
  }
});

describe('rpc vectors: the TS client sends Go client bytes and reads Go server bytes', () => {
  for (const v of twoProcess) {
    it(v.name, async () => {
      const received: Buffer[] = [];
      const fake = net.createServer((sock) => {
        let got = 0;
        let next = 0;
        sock.on('data', (b: Buffer) => {
          received.push(b);
          got += b.length;
          // Answer each call once its whole request has arrived.
          let need = 0;
          for (let i = 0; i <= next && i < v.calls.length; i++) need += v.calls[i]!.request.hex.length / 2;
          while (next < v.calls.length && got >= need) {
            sock.write(Buffer.from(v.calls[next]!.response.hex, 'hex'));
            next++;
            need += next < v.calls.length ? v.calls[next]!.request.hex.length / 2 : 0;
          }
        });
      });
      await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
      const sock = await connect((fake.address() as net.AddressInfo).port);
      const client = new Client(sock);
      try {
        for (const call of v.calls) {
          const p = client.call(call.serviceMethod, fromJson(call.args) as never, argSchema(call.argsType), replySchema(call.serviceMethod));
          if (call.clientResult.error) {
            await expect(p).rejects.toThrow(new ServerError(call.clientResult.error));
          } else {
            expect(plain(await p)).toEqual(fromJson(call.clientResult.reply));
          }
        }
        expect(Buffer.concat(received).toString('hex')).toBe(v.clientToServerHex);
      } finally {
        await client.close();
        await new Promise<void>((resolve) => fake.close(() => resolve()));
      }
    });
  }
});

describe('rpc vectors: a TS client and server sharing one type-id space match Go in one process', () => {
  for (const v of vectors.filter((x) => x.mode === 'in-process')) {
    it(v.name, async () => {
      const ids = new IdSpace();
      const server = vectorServer(v, ids);
      const toServer: Buffer[] = [];
      const toClient: Buffer[] = [];
      const netServer = net.createServer({ allowHalfOpen: true });
      netServer.on('connection', (s: net.Socket) => s.on('data', (b: Buffer) => toServer.push(b)));
      server.attach(netServer);
      await new Promise<void>((resolve) => netServer.listen(0, '127.0.0.1', resolve));
      const sock = await connect((netServer.address() as net.AddressInfo).port);
      sock.on('data', (b: Buffer) => toClient.push(b));
      const client = new Client(sock, { codec: gobCodec({ ids }) });
      try {
        for (const call of v.calls) {
          const reply = await client.call(call.serviceMethod, fromJson(call.args) as never, argSchema(call.argsType), replySchema(call.serviceMethod));
          expect(plain(reply)).toEqual(fromJson(call.clientResult.reply));
        }
        expect(Buffer.concat(toServer).toString('hex')).toBe(v.clientToServerHex);
        expect(Buffer.concat(toClient).toString('hex')).toBe(v.serverToClientHex);
      } finally {
        await client.close();
        await server.close();
      }
    });
  }
});
