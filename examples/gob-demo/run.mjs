#!/usr/bin/env node
// Demo: a gob round trip between @tslambda/gob and Go's encoding/gob.
// TS encodes an InvokeRequest and an Event (a map and a time.Time) on one stream, a small Go
// program (examples/gob-demo) decodes and prints them and replies with an InvokeResponse and a
// changed Event, and TS decodes and checks the replies. Without Go, TS does the round trip alone.
// Run from the root: pnpm demo:gob (builds @tslambda/gob first).
// Exits 1 on any mismatch.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', '..', 'packages', 'gob', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('packages/gob is not built: run `pnpm demo:gob` from the root (it builds first) or `pnpm build`.');
  process.exit(1);
}
const { Decoder, Encoder, t } = await import(dist);

// The Go types of examples/gob-demo/main.go, as schemas.
const Timestamp = t.struct('InvokeRequest_Timestamp', { Seconds: t.int64(), Nanos: t.int64() });
const InvokeRequest = t.struct('InvokeRequest', {
  Payload: t.bytes(),
  RequestId: t.string(),
  XAmznTraceId: t.string(),
  Deadline: Timestamp,
  InvokedFunctionArn: t.string(),
  CognitoIdentityId: t.string(),
  CognitoIdentityPoolId: t.string(),
  ClientContext: t.bytes(),
});
const InvokeResponse = t.struct('InvokeResponse', {
  Payload: t.bytes(),
  Error: t.ptr(t.struct('InvokeResponse_Error', { Message: t.string(), Type: t.string() })),
});
const Event = t.struct('Event', { Name: t.string(), Tags: t.map(t.string(), t.int()), When: t.time() });

const payload = { hello: 'world', n: 42, emoji: '🚀' };
const request = {
  Payload: new TextEncoder().encode(JSON.stringify(payload)),
  RequestId: '8476a536-e9f4-11e8-9739-2dfe598c3fcd',
  XAmznTraceId: 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
  Deadline: { Seconds: 1_700_000_000, Nanos: 250_000_000 },
  InvokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:demo',
  CognitoIdentityId: '',
  CognitoIdentityPoolId: '',
  ClientContext: new Uint8Array(0),
};
const event = { Name: 'launch', Tags: new Map([['alpha', 1], ['beta', 2], ['γ', 3]]), When: new Date('2024-02-29T12:34:56.789Z') };

const enc = new Encoder();
const sent = Buffer.concat([enc.encode(InvokeRequest, request), enc.encode(Event, event)]);
console.log(`TS encoded an InvokeRequest and an Event: ${sent.length} bytes of gob`);

/** The replies as Go computes them (main.go next to this file), to check what comes back. */
function expectedReplies() {
  const tags = new Map([['go', event.Tags.size]]);
  for (const [k, v] of event.Tags) tags.set(k, v * 2);
  return {
    echo: { echo: payload, requestId: request.RequestId },
    event: { Name: `seen by Go: ${event.Name}`, Tags: tags, When: new Date(event.When.getTime() + 3_600_000) },
  };
}

function decodeAll(bytes, schemas) {
  const dec = new Decoder();
  dec.push(bytes);
  dec.end();
  return schemas.map((s) => {
    const r = dec.tryDecode(s);
    if (!r) throw new Error('stream ended early');
    return r.value;
  });
}

function show(label, v) {
  console.log(`  ${label}`, v);
}

let ok = true;
function check(what, actual, expected) {
  const same = isDeepStrictEqual(actual, expected);
  console.log(`${same ? 'ok  ' : 'FAIL'} ${what}`);
  if (!same) {
    console.log('     expected:', expected, '\n     actual:  ', actual);
    ok = false;
  }
}

function haveGo() {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (haveGo()) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tslambda-gob-demo-'));
  try {
    const bin = path.join(tmp, 'gob-demo');
    console.log('building examples/gob-demo with Go ...');
    execFileSync('go', ['build', '-o', bin, '.'], { cwd: here, env: { ...process.env, GO111MODULE: 'off' }, stdio: 'inherit' });
    const run = spawnSync(bin, [], { input: sent, stdio: ['pipe', 'pipe', 'pipe'] });
    if (run.status !== 0) {
      console.error(`gob-demo failed (exit ${run.status}): ${run.stderr}`);
      process.exit(1);
    }
    console.log(`Go decoded:\n${run.stderr.toString().trimEnd()}`);
    const reply = new Uint8Array(run.stdout);
    console.log(`Go replied with ${reply.length} bytes of gob; TS decoded:`);
    const [response, changed] = decodeAll(reply, [InvokeResponse, Event]);
    const body = JSON.parse(new TextDecoder().decode(response.Payload));
    show('InvokeResponse.Payload', body);
    show('InvokeResponse.Error', response.Error);
    show('Event', changed);
    const want = expectedReplies();
    check('Go read the InvokeRequest payload and id', body, want.echo);
    check('InvokeResponse.Error is nil', response.Error, null);
    check('Go read the Event map and time.Time', changed, want.event);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  console.log('go is not installed: doing the round trip in TS only.');
  const [req, ev] = decodeAll(sent, [InvokeRequest, Event]);
  show('InvokeRequest', { ...req, Payload: new TextDecoder().decode(req.Payload) });
  show('Event', ev);
  check('InvokeRequest round trip', { ...req, Payload: [...req.Payload] }, { ...request, Payload: [...request.Payload] });
  check('Event round trip', ev, event);
}

console.log(ok ? '\ndemo ok' : '\ndemo FAILED');
process.exit(ok ? 0 : 1);
