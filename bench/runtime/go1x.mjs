#!/usr/bin/env node
// go1.x benchmark: Go's net/rpc client (bench/runtime/go/rpcbench, playing the Lambda service) drives
// (a) the tslambda runtime with an echo handler (go/ts-function.mjs) and (b) a Go function served as
// aws-lambda-go's lambda.Start does under go1.x (go/gofunction). Echo events of 1 KiB and 256 KiB, one
// invocation at a time (as Lambda sends them) and 8 at once on one connection. Peers alternate; the
// median of ROUNDS rounds is shown, with ratios TS / Go. Also the function process's CPU time per
// invocation (user+system, from /proc: steadier than throughput on a busy machine) and the time from
// spawn to the first Ping reply. Also its minor page faults per invocation (first touches of fresh
// memory, which cost 15–20 µs each on some VMs).
// Warm-up before each measured cell, the same for both peers: 500 calls at 1 KiB, 300 at 256 KiB (a
// steady state: Lambda functions are long-lived, and V8 needs a few hundred calls to optimise the hot
// code; 50 calls left JIT warm-up inside the measured window).
// The TS function is bundled with esbuild first (one file, as deployed).
// Run: node bench/runtime/go1x.mjs [--quick]   (env BENCH_MS: ms per cell, default 2000; run `pnpm build` first)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const goDir = path.join(here, 'go');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 3;
const ms = Number(process.env.BENCH_MS ?? (quick ? 1000 : 2000));

const bin = path.join(os.tmpdir(), 'tslambda-runtime-go1x-bench');
mkdirSync(bin, { recursive: true });
for (const name of ['rpcbench', 'gofunction']) {
  execFileSync('go', ['build', '-o', path.join(bin, name), '.'], {
    cwd: path.join(goDir, name),
    env: { ...process.env, GO111MODULE: 'off' },
    stdio: 'inherit',
  });
}

// The TS function bundled as one file, as it would be deployed (and safe from rebuilds of dist/ meanwhile).
const tsFunction = path.join(bin, 'ts-function.mjs');
await build({
  entryPoints: [path.join(goDir, 'ts-function.mjs')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: tsFunction,
  logLevel: 'error',
});

const lambdaEnv = {
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
  AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/bench',
  AWS_LAMBDA_LOG_STREAM_NAME: 'stream',
};
const peers = {
  'tslambda go1.x': [process.execPath, tsFunction],
  'Go (aws-lambda-go style)': [path.join(bin, 'gofunction')],
};

function run(peer, size, conc) {
  const args = ['-size', String(size), '-conc', String(conc), '-ms', String(ms), '-warm', size > 65536 ? '300' : '500', '-baseline', process.execPath, ...peers[peer]];
  const r = spawnSync(path.join(bin, 'rpcbench'), args, { encoding: 'utf8', env: { ...process.env, ...lambdaEnv }, cwd: here });
  if (r.status !== 0) throw new Error(`rpcbench ${peer} failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  return { ips: out.calls / out.seconds, p50: out.p50us / 1000, p99: out.p99us / 1000, cpu: out.cpuUsPerCall, faults: out.faultsPerCall, readyMs: out.readyMs, baselineMs: out.baselineMs };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${os.cpus().length} cores, ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`command: node bench/runtime/go1x.mjs${quick ? ' --quick' : ''}  (${ms} ms per cell, median of ${ROUNDS} rounds)\n`);
console.log('go1.x, echo handler, Go net/rpc client on one connection:');
console.log('| event | in flight | peer | invocations/s | p50 ms | p99 ms | CPU µs / invocation | page faults / invocation |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|');
const ready = Object.fromEntries(['node -e 0 (start to exit)', ...Object.keys(peers)].map((p) => [p, []]));
const ratios = [];
for (const [label, size] of [['1 KiB', 1024], ['256 KiB', 256 * 1024]]) {
  for (const conc of [1, 8]) {
    const rows = Object.fromEntries(Object.keys(peers).map((p) => [p, []]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const peer of Object.keys(peers)) {
        const r = run(peer, size, conc);
        rows[peer].push(r);
        ready[peer].push(r.readyMs);
        ready['node -e 0 (start to exit)'].push(r.baselineMs);
      }
    }
    const med = {};
    for (const [peer, rs] of Object.entries(rows)) {
      med[peer] = {
        ips: median(rs.map((r) => r.ips)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        cpu: median(rs.map((r) => r.cpu)),
        faults: median(rs.map((r) => r.faults)),
      };
      const m = med[peer];
      console.log(`| ${label} | ${conc} | ${peer} | ${fmt(m.ips)} | ${fmt(m.p50, 3)} | ${fmt(m.p99, 3)} | ${fmt(m.cpu)} | ${fmt(m.faults, 1)} |`);
    }
    const [ts, go] = Object.keys(peers).map((p) => med[p]);
    ratios.push(
      `ratio ${label}, ${conc} in flight: tslambda / Go throughput = ${(ts.ips / go.ips).toFixed(2)}x (target >= 1.00x); ` +
        `Go / tslambda CPU per invocation = ${(go.cpu / ts.cpu).toFixed(2)}x`,
    );
  }
}
console.log('');
for (const r of ratios) console.log(r);

// Each function start follows a `node -e 0` timed by the same Go program, so both see the same load.
console.log('\nStart to first Ping answered (each after a `node -e 0` timed the same way by rpcbench):');
console.log('| process | median ms | min ms |');
console.log('|---|---:|---:|');
for (const [peer, xs] of Object.entries(ready)) console.log(`| ${peer} | ${fmt(median(xs), 1)} | ${fmt(Math.min(...xs), 1)} |`);
const base = ready['node -e 0 (start to exit)'];
const ts = ready['tslambda go1.x'];
console.log(`ratio: tslambda go1.x ready / node -e 0 = ${(median(ts) / median(base)).toFixed(2)}x median, ${(Math.min(...ts) / Math.min(...base)).toFixed(2)}x min (the function is an esbuild bundle, netrpc and gob included)`);
