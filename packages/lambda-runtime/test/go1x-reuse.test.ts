// go1.x under concurrency with large events: 8 invocations in flight on one connection, each
// with a different large payload, slow and fast handlers, handlers that keep their event for a
// later invocation. Every reply is checked byte for byte (sha256 of what Go received), so a
// buffer reused too early (request assembly, JSON writer, reply encoding) shows up here.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, ensureBuilt, pkgDir } from './helpers/child.js';
import { goAvailable, lambdasvcBinary, runLambdaService, type Repeat, type SessionResult, type StepSpec } from './go/lambdasvc.js';

const FIXTURE = path.join(pkgDir, 'test/go/fixtures/go1x-reuse.mjs');
const env = { ...baseEnv, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512' };
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const units = ['aé€𝄞abcd', 'xyz', '0123456789', 'QUJDREVG', 'ünïcödé', 'line\\nbreak\\t\\"q\\"', '𝄞𝄞', 'Z'];
interface Case { name: string; repeat: Repeat; text: string; conn: number }

/** An echo of about `bytes` bytes: its reply must be the payload itself (canonical JSON). */
function echo(name: string, i: number, bytes: number, ms: number, conn = 0): Case {
  const unit = units[i % units.length]!;
  const repeat = { Prefix: `{"do":"echo","ms":${ms},"id":"${name}","data":"`, Unit: unit, Count: Math.max(1, Math.round(bytes / Buffer.byteLength(unit))), Suffix: '"}' };
  return { name, repeat, text: repeat.Prefix + unit.repeat(repeat.Count) + repeat.Suffix, conn };
}

function keep(key: string, i: number, bytes: number): Case {
  const unit = units[(i + 3) % units.length]!;
  const repeat = { Prefix: `{"do":"keep","key":"${key}","list":[1,"two",null],"data":"`, Unit: unit, Count: Math.round(bytes / Buffer.byteLength(unit)), Suffix: '","tail":true}' };
  return { name: key, repeat, text: repeat.Prefix + unit.repeat(repeat.Count) + repeat.Suffix, conn: 0 };
}

const step = (c: Case): StepSpec => ({ Name: c.name, Conn: c.conn, Invoke: { PayloadRepeat: c.repeat, RequestId: c.name, DeadlineInMs: 60_000 } });
const recall = (key: string): StepSpec => ({ Name: `recall-${key}`, Conn: 1, Invoke: { Payload: JSON.stringify({ do: 'recall', key }), RequestId: `recall-${key}`, DeadlineInMs: 60_000 } });

const sizes = [70_000, 262_144, 300_000, 131_072, 1_024, 600_000, 65_536, 200_000];
const wave1 = sizes.map((bytes, i) => echo(`w1-${i}`, i, bytes, [0, 150, 10, 300, 0, 50, 200, 5][i]!));
const kept = [keep('k0', 0, 262_144), keep('k1', 1, 100_000), keep('k2', 2, 400_000)];
const wave2 = [...sizes.map((bytes, i) => echo(`w2-${i}`, i + 1, bytes, i % 2 === 0 ? 0 : 120)).slice(0, 5), ...kept];
const wave3 = sizes.map((bytes, i) => echo(`w3-${i}`, i + 2, bytes, 0, i % 2));

let session: SessionResult;

describe.skipIf(!goAvailable)('go1.x: large events in flight together (buffer reuse)', () => {
  beforeAll(async () => {
    ensureBuilt();
    const [s] = await runLambdaService(lambdasvcBinary(), FIXTURE, env, [
      {
        Name: 'reuse',
        Conns: 2,
        Steps: [
          { Parallel: wave1.map(step) },
          { Parallel: wave2.map(step) },
          { Parallel: wave3.map(step) },
          ...kept.map((k) => recall(k.name)),
        ],
      },
    ]);
    session = s!;
    expect(session.readyError, session.stderr).toBe('');
  }, 120_000);

  it('answers every echo with its own payload, byte for byte', () => {
    for (const c of [...wave1, ...wave2.filter((x) => x.name.startsWith('w2')), ...wave3]) {
      const r = session.steps.find((s) => s.name === c.name);
      expect(r, c.name).toBeDefined();
      expect(r!.rpcError, c.name).toBe('');
      expect(r!.error, `${c.name} ${JSON.stringify(r!.error)}`).toBeNull();
      expect(r!.payloadLen, c.name).toBe(Buffer.byteLength(c.text));
      expect(r!.payloadSha256, c.name).toBe(sha256(c.text));
    }
  });

  it('returns events kept by a handler intact after later invocations went through', () => {
    for (const k of kept) {
      const r = session.steps.find((s) => s.name === `recall-${k.name}`)!;
      expect(r.error, k.name).toBeNull();
      expect(r.payloadSha256, `${k.name} ${JSON.stringify(r.error)} ${r.payloadLen}`).toBe(sha256(k.text));
    }
  });

  it('ran the slow echoes of a wave at the same time (8 in flight)', () => {
    const slow = wave1.map((c) => session.steps.find((s) => s.name === c.name)!);
    const firstEnd = Math.min(...slow.map((s) => s.endMs));
    const lastStart = Math.max(...slow.map((s) => s.startMs));
    expect(lastStart).toBeLessThan(firstEnd + 300);
  });
});
