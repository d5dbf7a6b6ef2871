import { json, jsonCodec, type BodyType, type Codec, type Methods } from '@tslambda/netrpc';
import { jsonFunction } from './function-json.js';

/** One codec with the Function service typed for it, so a test can run over each codec. */
export interface Flavor {
  name: string;
  codec: () => Codec;
  methods: Methods;
  invokeArgs: BodyType;
  invokeReply: BodyType;
  pingArgs: BodyType;
  pingReply: BodyType;
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
  args: (payload) => ({ Payload: Buffer.from(payload, 'latin1').toString('base64') }),
  payload: (reply) => Buffer.from((reply as { Payload: string }).Payload, 'base64').toString('latin1'),
};

export const flavors: Flavor[] = [jsonFlavor];

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
