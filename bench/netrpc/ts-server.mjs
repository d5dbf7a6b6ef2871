// The TS side of the benchmark: a net/rpc server with Function.Invoke echoing like the Go one.
// Prints "LISTEN 127.0.0.1:<port>"; exits when stdin closes.
import { Server, method } from '@tslambda/netrpc';
import { InvokeRequest, InvokeResponse } from './messages.mjs';

const open = Buffer.from('{"echo":');
const close = Buffer.from('}');
const server = new Server().register('Function', {
  Invoke: method({
    args: InvokeRequest,
    reply: InvokeResponse,
    handler: (req) => ({ Payload: Buffer.concat([open, req.Payload, close]), Error: null }),
  }),
});
const { port } = await server.listen({ port: 0 });
console.log(`LISTEN 127.0.0.1:${port}`);
process.stdin.resume();
process.stdin.on('end', () => server.close({ grace: 100 }).then(() => process.exit(0)));
