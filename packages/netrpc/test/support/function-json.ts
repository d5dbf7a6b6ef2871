import { json, method, type JsonValue, type Methods } from '@tslambda/netrpc';

/** What the Go test server's Function.Invoke does with a payload (see test/go/rpcserver). */
export async function invokeLogic(payload: Buffer): Promise<{ payload?: Buffer; error?: { Message: string; Type: string; StackTrace: { Path: string; Line: number; Label: string }[]; ShouldExit: boolean } }> {
  const p = payload.toString('latin1');
  if (p === '"fail"') throw new Error('handler failed: boom');
  if (p === '"handler-error"') {
    return {
      error: {
        Message: 'bad input',
        Type: 'ValidationError',
        StackTrace: [{ Path: 'main.go', Line: 42, Label: 'main.handler' }],
        ShouldExit: false,
      },
    };
  }
  const sleep = /^"sleep:(\d+)"$/.exec(p);
  if (sleep) await new Promise((r) => setTimeout(r, Number(sleep[1])));
  return { payload: Buffer.concat([Buffer.from('{"echo":'), payload, Buffer.from('}')]) };
}

const object = (v: JsonValue): v is { [k: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Function service over JSON-RPC: the values Go's encoding/json gives for the messages types. */
export const jsonFunction: Methods = {
  Ping: method({ args: json(object, 'PingRequest'), reply: json(), handler: () => ({}) }),
  Invoke: method({
    args: json(object, 'InvokeRequest'),
    reply: json(),
    handler: async (req) => {
      const payload = Buffer.from(typeof req.Payload === 'string' ? req.Payload : '', 'base64');
      const r = await invokeLogic(payload);
      return { Payload: r.payload ? r.payload.toString('base64') : null, Error: r.error ?? null };
    },
  }),
};
