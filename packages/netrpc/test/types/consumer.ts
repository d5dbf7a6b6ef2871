// Compiled by .ci/consumer-types.mjs under several TypeScript versions.
import { t, type Infer } from '@tslambda/gob';
import {
  Client,
  dial,
  json,
  jsonCodec,
  method,
  Server,
  ServerError,
  ShutdownError,
  type CallContext,
  type JsonValue,
} from '@tslambda/netrpc';

const Args = t.struct('Args', { A: t.int(), B: t.int() });

const server = new Server({ maxInFlight: 64 });
server.register('Arith', {
  Multiply: method({
    args: Args,
    reply: t.int(),
    handler: (args: Infer<typeof Args>, ctx: CallContext): number => {
      const aborted: boolean = ctx.signal.aborted;
      return aborted ? 0 : args.A * args.B;
    },
  }),
});

export async function demo(): Promise<number> {
  const { port } = await server.listen({ port: 0 });
  const client: Client = await dial({ port });
  const n: number = await client.call('Arith.Multiply', { A: 7, B: 8 }, Args, t.int(), { timeout: 100 });
  const j: JsonValue = await client.call('X.Y', { a: [1, 'b'] }, json(), json());
  const isNum = json((v): v is number => typeof v === 'number');
  const k: number = await client.call('X.Z', 1, isNum, isNum);
  try {
    await client.call('Arith.Nope', { A: 1, B: 2 }, Args, t.int());
  } catch (e) {
    if (e instanceof ServerError || e instanceof ShutdownError) console.log(e.code);
  }
  await client.close();
  await server.close({ grace: 10 });
  void jsonCodec;
  void j;
  return n + k;
}
