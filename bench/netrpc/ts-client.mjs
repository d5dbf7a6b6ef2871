// The TS side of the benchmark: `conc` callers share one client and call Function.Invoke with a
// `size`-byte payload for `ms` milliseconds. Prints {"calls","seconds","p50us","p99us"}.
import { dial } from '@tslambda/netrpc';
import { InvokeRequest, InvokeResponse } from './messages.mjs';

const [port, conc, size, ms] = process.argv.slice(2).map(Number);
const client = await dial({ port });
const args = {
  Payload: Buffer.from(`"${'x'.repeat(size - 2)}"`),
  RequestId: 'bench',
  XAmznTraceId: '',
  Deadline: { Seconds: 1700000000, Nanos: 0 },
  InvokedFunctionArn: '',
  CognitoIdentityId: '',
  CognitoIdentityPoolId: '',
  ClientContext: new Uint8Array(0),
};
const lat = [];
const start = performance.now();
const deadline = start + ms;
async function caller() {
  while (performance.now() < deadline) {
    const t0 = performance.now();
    const r = await client.call('Function.Invoke', args, InvokeRequest, InvokeResponse);
    if (r.Payload.length !== size + 9) throw new Error('bad echo');
    lat.push(performance.now() - t0);
  }
}
await Promise.all(Array.from({ length: conc }, caller));
const seconds = (performance.now() - start) / 1000;
lat.sort((a, b) => a - b);
const pct = (p) => lat[Math.floor(p * (lat.length - 1))] * 1000;
console.log(JSON.stringify({ calls: lat.length, seconds, p50us: pct(0.5), p99us: pct(0.99) }));
await client.close();
