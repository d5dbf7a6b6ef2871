import { t, type Infer } from '@tslambda/gob';
import { gobCodec, method, type Methods } from '@tslambda/netrpc';
import { invokeLogic } from './function-json.js';
import type { Flavor } from './flavors.js';
import { InvokeRequest, InvokeResponse, PingRequest, PingResponse } from './messages.js';

type InvokeReq = Infer<typeof InvokeRequest>;

/** The Function service over gob, as aws-lambda-go registers it. */
export const gobFunction: Methods = {
  Ping: method({ args: PingRequest, reply: PingResponse, handler: () => ({}) }),
  Invoke: method({
    args: InvokeRequest,
    reply: InvokeResponse,
    handler: async (req) => {
      const r = await invokeLogic(Buffer.from(req.Payload));
      return { Payload: r.payload ?? new Uint8Array(0), Error: r.error ?? null };
    },
  }),
};

/** Invoke arguments as a Go client fills them. */
export function invokeArgs(payload: string): InvokeReq {
  return {
    Payload: Buffer.from(payload, 'latin1'),
    RequestId: 'ts-client',
    XAmznTraceId: '',
    Deadline: { Seconds: 1700000000, Nanos: 0 },
    InvokedFunctionArn: '',
    CognitoIdentityId: '',
    CognitoIdentityPoolId: '',
    ClientContext: new Uint8Array(0),
  };
}

export const gobFlavor: Flavor = {
  name: 'gob',
  codec: () => gobCodec(),
  methods: gobFunction,
  invokeArgs: InvokeRequest,
  invokeReply: InvokeResponse,
  pingArgs: PingRequest,
  pingReply: PingResponse,
  int: t.int(),
  args: invokeArgs,
  payload: (reply) => Buffer.from((reply as { Payload: Uint8Array }).Payload).toString('latin1'),
};
