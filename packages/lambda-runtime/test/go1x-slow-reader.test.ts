// go1.x replies go out from pooled scratch buffers that return to the pool only once written.
// A client that sends many large, different invocations and then reads nothing for a while (the
// replies back up in the runtime's socket) must still get every reply byte for byte: a buffer
// reused before its write completed would show up as a corrupted or mixed-up payload.
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gobCodec } from '@tslambda/netrpc';
import { InvokeRequest, InvokeResponse, type InvokeResponseValue } from '../src/go1x/messages.js';
import { ensureBuilt, pkgDir, spawnNode, type Spawned } from './helpers/child.js';

const FIXTURE = path.join(pkgDir, 'test/go/fixtures/go1x-reuse.mjs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const units = ['aé€𝄞abcd', 'xyz', '0123456789', 'ünïcödé', '𝄞𝄞', 'Z'];

function payload(i: number): Buffer {
  const unit = units[i % units.length]!;
  const count = Math.round((150_000 + ((i * 37_813) % 200_000)) / Buffer.byteLength(unit));
  return Buffer.from(JSON.stringify({ do: 'echo', ms: i % 3 === 0 ? 0 : (i % 5) * 4, id: `e${i}`, data: unit.repeat(count) }));
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function connect(port: number): Promise<net.Socket> {
  for (let i = 0; ; i++) {
    try {
      const sock = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve, reject) => sock.once('connect', resolve).once('error', reject));
      return sock;
    } catch (err) {
      if (i > 100) throw err;
      await sleep(50);
    }
  }
}

let fn: Spawned;
let port: number;

beforeAll(async () => {
  ensureBuilt();
  port = await freePort();
  fn = spawnNode([FIXTURE], { _LAMBDA_SERVER_PORT: String(port), AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512' });
}, 120_000);

afterAll(async () => {
  fn.child.kill('SIGTERM');
  await fn.exited;
});

describe('go1.x: a slow reader with many large invocations in flight', () => {
  it('gets every reply byte for byte', async () => {
    const sock = await connect(port);
    sock.pause();
    const codec = gobCodec().client({ maxMessageSize: 1 << 26 });
    const N = 32;
    const sent = new Map<number, Buffer>();
    for (let seq = 1; seq <= N; seq++) {
      const p = payload(seq);
      sent.set(seq, p);
      const req = {
        Payload: p, RequestId: `r${seq}`, XAmznTraceId: '', Deadline: { Seconds: BigInt(Math.floor(Date.now() / 1000) + 60), Nanos: 0n },
        InvokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn', CognitoIdentityId: '', CognitoIdentityPoolId: '', ClientContext: new Uint8Array(0),
      };
      sock.write(codec.writeRequest({ serviceMethod: 'Function.Invoke', seq }, req, InvokeRequest));
    }
    // Read nothing for a while: the runtime's replies wait in its socket.
    await sleep(500);
    const got = new Map<number, InvokeResponseValue>();
    await new Promise<void>((resolve, reject) => {
      let seq: number | undefined;
      sock.on('error', reject);
      sock.on('data', (chunk: Buffer) => {
        codec.push(chunk);
        for (;;) {
          if (seq === undefined) {
            const h = codec.readResponseHeader();
            if (!h) break;
            if (h.error) return reject(new Error(h.error));
            seq = h.seq;
          }
          const body = codec.readResponseBody(InvokeResponse);
          if (!body) break;
          const v = body.value as InvokeResponseValue;
          got.set(seq, { Payload: Buffer.from(v.Payload), Error: v.Error });
          seq = undefined;
          if (got.size === N) resolve();
        }
      });
      sock.resume();
    });
    sock.destroy();
    for (const [seq, p] of sent) {
      const r = got.get(seq)!;
      expect(r.Error, `invocation ${seq}`).toBeNull();
      expect(Buffer.from(r.Payload).equals(p), `invocation ${seq}`).toBe(true);
    }
  }, 60_000);
});
