import { test } from 'vitest';
import { buildGo, GoLines } from './helpers/go.js';
import { toJson, types } from './go/interop/types.js';
test('timing', async () => {
  const b = buildGo('interop'); const go = new GoLines(b.bin); await go.next();
  const v = { Payload: new Uint8Array(1 << 20), RequestId: 'x', XAmznTraceId: '', Deadline: { Seconds: 1, Nanos: 2 }, InvokedFunctionArn: '', CognitoIdentityId: '', CognitoIdentityPoolId: '', ClientContext: new Uint8Array(0) };
  let t0 = performance.now();
  const j = toJson(types.InvokeRequest!, v); console.log('toJson', performance.now() - t0); t0 = performance.now();
  const s = JSON.stringify({ op: 'encode', items: [{ type: 'InvokeRequest', value: j }] }); console.log('stringify', performance.now() - t0); t0 = performance.now();
  const res = await go.request({ op: 'encode', items: [{ type: 'InvokeRequest', value: j }] }); console.log('request', performance.now() - t0, s.length, res.hex.length);
  t0 = performance.now();
  const res2 = await go.request({ op: 'encode', items: [{ type: 'InvokeRequest', value: j }] }); console.log('request2', performance.now() - t0);
  await go.close(); b.dispose();
});
