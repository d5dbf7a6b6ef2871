import { json, jsonCodec, method, type BodyType, type Codec, type Methods } from '@tslambda/netrpc';
import { jsonFunction } from './function-json.js';
import { gobFlavor } from './function-gob.js';

/** One codec with the Function service typed for it, so a test can run over each codec. */
export interface Flavor {
  name: string;
  codec: () => Codec;
  methods: Methods;
  invokeArgs: BodyType;
  invokeReply: BodyType;
  pingArgs: BodyType;
  pingReply: BodyType;
  /** A number argument or reply (Go `int`). */
  int: BodyType;
  /** Invoke arguments carrying `payload`. */
  args(payload: string): unknown;
  /** The payload of an Invoke reply. */
  payload(reply: unknown): string;
}

export const jsonFlavor: Flavor = {
  name: 'jsonrpc',
  codec: () => jsonCodec,
  methods: jsonFunction,
  invokeArgs: json(),
  invokeReply: json(),
  pingArgs: json(),
  pingReply: json(),
  int: json((v): v is number => typeof v === 'number', 'int'),
  args: (payload) => ({ Payload: Buffer.from(payload, 'latin1').toString('base64') }),
  payload: (reply) => Buffer.from((reply as { Payload: string }).Payload, 'base64').toString('latin1'),
};

export const flavors: Flavor[] = [gobFlavor, jsonFlavor];

/** Counts of the handles a test may leak. */
export function handles(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) {
    if (r === 'TCPSocketWrap' || r === 'TCPServerWrap' || r === 'Timeout') out[r] = (out[r] ?? 0) + 1;
  }
  return out;
}

/** Waits until `cond` holds (polling), or throws after `ms`. */
export async function until(cond: () => boolean, ms = 5000, what = () => ''): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`condition not met in time ${what()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits until no more sockets, servers or timers are active than in `before`. */
export function noLeaks(before: Record<string, number>): Promise<void> {
  const same = () => Object.entries(handles()).every(([k, n]) => n <= (before[k] ?? 0));
  return until(same, 5000, () => `handles before ${JSON.stringify(before)} now ${JSON.stringify(handles())}`);
}

/** Observations of the `Test` service. */
export interface TestStats {
  active: number;
  maxActive: number;
  hits: number;
  aborted: number;
  /** Calls of the counted Function service. */
  invokes: number;
}

/**
 * The `Test` service: `Wait(ms)` waits (until its signal aborts) and returns `ms`; `Hit(n)` returns
 * `n` after a turn of the event loop, counting how many calls run at once.
 */
export function testService(f: Flavor, stats: TestStats): Methods {
  return {
    Wait: method({
      args: f.int,
      reply: f.int,
      handler: (ms, ctx) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => resolve(ms), ms as number);
          ctx.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            stats.aborted++;
            reject(new Error('aborted'));
          });
        }),
    }),
    Hit: method({
      args: f.int,
      reply: f.int,
      handler: async (n) => {
        stats.hits++;
        stats.maxActive = Math.max(stats.maxActive, ++stats.active);
        await new Promise((r) => setImmediate(r));
        stats.active--;
        return n;
      },
    }),
  };
}

export function newStats(): TestStats {
  return { active: 0, maxActive: 0, hits: 0, aborted: 0, invokes: 0 };
}

/** `methods` with every call counted in `stats.invokes`. */
export function counted(methods: Methods, stats: TestStats): Methods {
  const out: Methods = {};
  for (const [name, m] of Object.entries(methods)) {
    out[name] = {
      args: m.args,
      reply: m.reply,
      handler: (args: never, ctx) => {
        stats.invokes++;
        return m.handler(args, ctx);
      },
    };
  }
  return out;
}
