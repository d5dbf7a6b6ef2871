#!/usr/bin/env node
// gob benchmark: encode and decode time per value of @tslambda/gob (built dist) against Go's own
// encoding/gob (bench/gob/go, run in the same invocation on the same values), with
// JSON.stringify / JSON.parse on the same data as a baseline. Cases: aws-lambda-go's
// InvokeRequest with 1 KiB, 64 KiB and 1 MiB payloads, and a batch of 1000 records
// (int64, string, float64, bool, []string, map[string]int32, []struct) as one []Record value.
// Method (both languages): encode = one long-lived encoder, the same value encoded over and
// over (definitions only the first time); decode = a stream of K copies from one encoder,
// decoded by a new decoder into fresh values, repeated. Each time is the median of 7 rounds.
// Ratios are TS time / Go time (< 1: TS faster).
// Run: pnpm bench gob   (env BENCH_MS: ms per measurement, default 1000)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const gobDir = path.join(here, '..', '..', 'packages', 'gob');
const ms = Number(process.env.BENCH_MS ?? 1000);

if (!existsSync(path.join(gobDir, 'dist', 'index.js'))) {
  const r = spawnSync('pnpm', ['build'], { cwd: gobDir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { Decoder, Encoder, t } = await import('@tslambda/gob');

// ---- schemas and data (deterministic) ----

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
const Item = t.struct('Item', { SKU: t.string(), Qty: t.int32(), Price: t.float64() });
const Record = t.struct('Record', {
  ID: t.int64(),
  Name: t.string(),
  Score: t.float64(),
  Active: t.bool(),
  Tags: t.slice(t.string()),
  Counts: t.map(t.string(), t.int32()),
  Items: t.slice(Item),
});
const Batch = t.slice(Record);

function invoke(size) {
  const payload = new Uint8Array(size);
  const json = Buffer.from(JSON.stringify({ body: 'x'.repeat(size) })).subarray(0, size);
  payload.set(json);
  return {
    Payload: payload,
    RequestId: '8476a536-e9f4-11e8-9739-2dfe598c3fcd',
    XAmznTraceId: 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
    Deadline: { Seconds: 1_700_000_000, Nanos: 123_456_789 },
    InvokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
    CognitoIdentityId: '',
    CognitoIdentityPoolId: '',
    ClientContext: new Uint8Array(0),
  };
}

function batch() {
  const words = ['alpha', 'beta', 'gamma', 'delta', 'épsilon', 'zeta', 'eta', 'theta'];
  const out = [];
  for (let i = 0; i < 1000; i++) {
    out.push({
      ID: 1_000_000_000_000 + i * 7919,
      Name: `record ${i} ${words[i % 8]} ${words[(i * 3) % 8]}`,
      Score: i * 1.25 + 0.3,
      Active: i % 3 === 0,
      Tags: Array.from({ length: i % 5 }, (_, k) => words[(i + k) % 8]),
      Counts: new Map(Array.from({ length: 3 }, (_, k) => [`${words[(i + k) % 8]}-${k}`, (i * 31 + k) % 100_000])),
      Items: Array.from({ length: i % 4 }, (_, k) => ({ SKU: `SKU-${i}-${k}`, Qty: k + 1, Price: 9.99 * (k + 1) })),
    });
  }
  return out;
}

const cases = [
  { name: 'InvokeRequest 1 KiB', schema: InvokeRequest, value: invoke(1024), k: 2000 },
  { name: 'InvokeRequest 64 KiB', schema: InvokeRequest, value: invoke(64 * 1024), k: 200 },
  { name: 'InvokeRequest 1 MiB', schema: InvokeRequest, value: invoke(1024 * 1024), k: 16 },
  { name: 'batch of 1000 records', schema: Batch, value: batch(), k: 8 },
];

// JSON baseline: the same data as JSON would carry it ([]byte as base64, maps as objects).
function toJsonShape(c) {
  if (c.schema === Batch) return c.value.map((r) => ({ ...r, Counts: Object.fromEntries(r.Counts) }));
  return { ...c.value, Payload: Buffer.from(c.value.Payload).toString('base64'), ClientContext: '' };
}

/** A few facts of a value, to check that the decoder gives it back. */
function summary(v) {
  if (Array.isArray(v)) return JSON.stringify([v.length, v[999].Name, [...v[999].Counts], v[999].Items]);
  return JSON.stringify([v.Payload.length, v.Payload[v.Payload.length - 1], v.RequestId, v.Deadline]);
}

// ---- measurement ----

/** ns per operation (`fn` does `n`): the median of 7 rounds of ms/7 each, after a warm-up (steadier on a busy machine). */
function measure(n, fn) {
  for (const start = performance.now(); performance.now() - start < ms / 4; ) fn();
  const rounds = [];
  for (let r = 0; r < 7; r++) {
    let ops = 0;
    const start = performance.now();
    while (performance.now() - start < ms / 7) {
      fn();
      ops += n;
    }
    rounds.push(((performance.now() - start) * 1e6) / ops);
  }
  return rounds.sort((a, b) => a - b)[3];
}

function runTs(c) {
  const enc = new Encoder();
  const encodeNs = measure(1, () => enc.encode(c.schema, c.value));
  const encv = new Encoder();
  const encodevNs = typeof encv.encodev === 'function' ? measure(1, () => encv.encodev(c.schema, c.value)) : undefined;
  const e = new Encoder();
  const stream = Buffer.concat(Array.from({ length: c.k }, () => e.encode(c.schema, c.value)));
  const check = new Decoder();
  check.push(stream);
  if (summary(check.tryDecode(c.schema).value) !== summary(c.value)) throw new Error(`${c.name}: decoded value differs`);
  const decodeNs = measure(c.k, () => {
    const dec = new Decoder();
    dec.push(stream);
    for (let i = 0; i < c.k; i++) if (!dec.tryDecode(c.schema)) throw new Error('short stream');
  });
  const copyNs = measure(c.k, () => {
    const dec = new Decoder({ copyBytes: true });
    dec.push(stream);
    for (let i = 0; i < c.k; i++) if (!dec.tryDecode(c.schema)) throw new Error('short stream');
  });
  const bytes = new Encoder().encode(c.schema, c.value).length;
  return { bytes, encodeNs, encodevNs, decodeNs, copyNs };
}

function runJson(c) {
  const shaped = toJsonShape(c);
  const text = JSON.stringify(shaped);
  const encodeNs = measure(1, () => JSON.stringify(shaped));
  const decodeNs = measure(1, () => JSON.parse(text));
  return { bytes: Buffer.byteLength(text), encodeNs, decodeNs };
}

// ---- Go ----

// Built once; run once per case right before the TS side of the same case, so both see the same machine load.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'tslambda-gob-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const bin = path.join(tmp, 'gobbench');
const dataFile = path.join(tmp, 'data.gob');
let haveGo = true;
try {
  execFileSync('go', ['build', '-o', bin, '.'], { cwd: path.join(here, 'go'), env: { ...process.env, GO111MODULE: 'off' }, stdio: 'inherit' });
  const enc = new Encoder();
  writeFileSync(dataFile, Buffer.concat(cases.map((c) => enc.encode(c.schema, c.value))));
} catch (e) {
  if (process.env.CI) throw e;
  console.warn(`Go side skipped: ${e.message.split('\n')[0]}`);
  haveGo = false;
}
function runGo(i) {
  if (!haveGo) return undefined;
  const out = execFileSync(bin, ['-data', dataFile, '-ms', String(ms), '-case', String(i)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim());
}

// ---- report ----

const cpu = /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? os.cpus()[0]?.model;
const goVersion = (() => {
  try {
    return execFileSync('go', ['version'], { encoding: 'utf8' }).trim().replace(/^go version /, '');
  } catch {
    return 'no go';
  }
})();
console.log(`machine: ${os.cpus().length} CPUs, ${cpu}; Node ${process.version}; ${goVersion}; ${ms} ms per measurement\n`);

const fmtNs = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`);
const mbs = (bytes, ns) => `${((bytes / ns) * 1e3).toFixed(0)} MB/s`;
const rows = [['case', 'op', 'gob bytes', 'TS', 'Go', 'TS/Go', 'JSON', 'JSON/Go']];
for (const [i, c] of cases.entries()) {
  const go = runGo(i);
  const ts = runTs(c);
  const js = runJson(c);
  if (go && go.bytes !== ts.bytes) console.warn(`${c.name}: Go encodes ${go.bytes} bytes, TS ${ts.bytes}`);
  const ops = [['encode', 'encodeNs', 'encodeNs']];
  if (ts.encodevNs !== undefined) ops.push(['encodev (chunks)', 'encodevNs', 'encodeNs']);
  ops.push(['decode', 'decodeNs', 'decodeNs']);
  if (c.schema === InvokeRequest) ops.push(['decode, copyBytes', 'copyNs', 'decodeNs']);
  for (const [op, key, goKey] of ops) {
    const jsNs = js[goKey];
    rows.push([
      c.name, op, String(ts.bytes),
      `${fmtNs(ts[key])} (${mbs(ts.bytes, ts[key])})`,
      go ? `${fmtNs(go[goKey])} (${mbs(go.bytes, go[goKey])})` : '-',
      go ? (ts[key] / go[goKey]).toFixed(2) : '-',
      key === goKey ? `${fmtNs(jsNs)} (${js.bytes} B)` : '',
      go && key === goKey ? (jsNs / go[goKey]).toFixed(2) : '',
    ]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const [i, r] of rows.entries()) {
  console.log(`| ${r.map((x, j) => x.padEnd(widths[j])).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
console.log(
  '\ntimes are per value; MB/s = gob bytes / time; TS/Go < 1 means the TS codec is faster.' +
    '\nencodev: chunks; []byte values of 2 KiB and more are referenced, not copied.' +
    '\ndecode: []byte values are views of the input (the default); "copyBytes" copies them out, like Go does.' +
    '\nJSON = JSON.stringify / JSON.parse of the same data ([]byte as base64, maps as objects), compared with Go gob.',
);
