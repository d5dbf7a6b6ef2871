#!/usr/bin/env node
// lambda-runtime benchmark: Runtime API throughput and latency (TS runtime vs a raw HTTP loop),
// cold start (spawn to first /next) vs `node -e 0`, and footprint (esbuild min+gz, RSS after 1000 invocations).
// Run from the root: pnpm bench runtime   (builds nothing: run `pnpm build` first)
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '../../packages/lambda-runtime');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 9;
const peers = { 'tslambda runtime': path.join(here, 'ts-echo.mjs'), 'raw HTTP loop': path.join(here, 'raw-echo.mjs') };
// The same function bundled with esbuild, as it is usually deployed (one file, no package resolution).
const bundledEcho = path.join(os.tmpdir(), 'tslambda-bench-runtime', 'ts-echo.bundle.mjs');
await build({ entryPoints: [peers['tslambda runtime']], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundledEcho, logLevel: 'error' });

/** A minimal in-memory Runtime API: serves `payload` `n` times per round, times /next → /response. */
function runtimeApi() {
  let round;
  let parked;
  let seq = 0;
  let firstNext;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/2018-06-01/runtime/invocation/next') {
      firstNext?.();
      firstNext = undefined;
      if (round && round.left > 0) serve(res);
      else parked = res;
      return;
    }
    const m = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/response$/.exec(req.url);
    let size = 0;
    req.on('data', (c) => (size += c.length));
    req.on('end', () => {
      res.statusCode = 202;
      res.end();
      if (!m || !round) return;
      const t0 = round.sent.get(m[1]);
      round.latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      round.bytes += size;
      if (round.latencies.length === round.n) round.done(process.hrtime.bigint());
    });
  });
  function serve(res) {
    round.left--;
    const id = `r${++seq}`;
    round.sent.set(id, process.hrtime.bigint());
    res.writeHead(200, {
      'Lambda-Runtime-Aws-Request-Id': id,
      'Lambda-Runtime-Deadline-Ms': String(Date.now() + 60_000),
      'Lambda-Runtime-Invoked-Function-Arn': 'arn:aws:lambda:us-east-1:123456789012:function:bench',
      'Lambda-Runtime-Trace-Id': 'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
      'Content-Length': round.payload.length,
    });
    res.end(round.payload);
  }
  return {
    server,
    listen: () => new Promise((r) => server.listen(0, '127.0.0.1', () => r(`127.0.0.1:${server.address().port}`))),
    ready: () => new Promise((r) => (firstNext = r)),
    run(payload, n) {
      return new Promise((resolve) => {
        const start = process.hrtime.bigint();
        round = { payload, n, left: n, sent: new Map(), latencies: [], bytes: 0, done: (end) => resolve({ ms: Number(end - start) / 1e6, latencies: round.latencies }) };
        if (parked) {
          const p = parked;
          parked = undefined;
          serve(p);
        }
      });
    },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

function event(size) {
  const filler = 'x'.repeat(Math.max(0, size - 40));
  return Buffer.from(JSON.stringify({ id: 1, ok: true, data: filler }));
}

/** Spawns `script` against `api`; resolves with the child once its first /next arrives, rejects if it dies first. */
async function spawnReady(script, api, endpoint, stdio = ['ignore', 'ignore', 'pipe']) {
  const ready = api.ready();
  const child = spawn(process.execPath, [script], { env: { ...process.env, AWS_LAMBDA_RUNTIME_API: endpoint }, stdio });
  let stderr = '';
  child.stderr?.on('data', (c) => (stderr += c));
  const died = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`${path.basename(script)} exited with ${code} before its first /next:\n${stderr}`))));
  await Promise.race([ready, died]);
  died.catch(() => {});
  return child;
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/** CPU time (user + system) of a process so far, in µs, from /proc (clock ticks of 10 ms). */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function rssKiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

async function throughput() {
  const cases = [
    { name: '1 KiB', payload: event(1024), n: quick ? 2000 : 3000 },
    { name: '256 KiB', payload: event(256 * 1024), n: quick ? 200 : 300 },
  ];
  // Both peers run side by side (each with its own server); rounds alternate so machine noise hits both.
  const running = {};
  for (const [peer, script] of Object.entries(peers)) {
    const api = runtimeApi();
    const endpoint = await api.listen();
    const child = await spawnReady(script, api, endpoint);
    running[peer] = { api, child };
  }
  // Footprint: RSS after 1000 invocations of the 1 KiB event.
  const memory = {};
  for (const [peer, { api, child }] of Object.entries(running)) {
    await api.run(cases[0].payload, 1000);
    memory[peer] = rssKiB(child.pid);
  }
  const results = {};
  for (const c of cases) {
    const rounds = Object.fromEntries(Object.keys(peers).map((p) => [p, []]));
    for (const { api } of Object.values(running)) await api.run(c.payload, Math.ceil(c.n / 5)); // warm-up
    for (let i = 0; i < ROUNDS; i++) {
      for (const [peer, { api, child }] of Object.entries(running)) {
        const cpu0 = cpuMicros(child.pid);
        const r = await api.run(c.payload, c.n);
        const cpu = (cpuMicros(child.pid) - cpu0) / c.n;
        rounds[peer].push({ ips: (c.n / r.ms) * 1000, cpu, lat: [...r.latencies].sort((a, b) => a - b) });
      }
    }
    for (const [peer, rs] of Object.entries(rounds)) {
      const ips = median(rs.map((r) => r.ips));
      const lat = rs.find((r) => r.ips === ips).lat;
      results[`${peer}|${c.name}`] = { ips, cpu: median(rs.map((r) => r.cpu)), p50: pct(lat, 50), p99: pct(lat, 99) };
    }
  }
  for (const { api, child } of Object.values(running)) {
    child.kill();
    await api.close();
  }
  return { cases, results, memory };
}

async function coldStart() {
  const N = quick ? 5 : 30;
  const times = {
    'node -e 0 (spawn to exit)': [],
    'raw HTTP loop (spawn to first /next)': [],
    'tslambda runtime (spawn to first /next)': [],
    'tslambda runtime, esbuild bundle (spawn to first /next)': [],
    'raw HTTP loop, CommonJS (spawn to first /next)': [],
    'tslambda runtime, CommonJS (spawn to first /next)': [],
  };
  for (let i = 0; i < N; i++) {
    let t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    times['node -e 0 (spawn to exit)'].push(Number(process.hrtime.bigint() - t0) / 1e6);
    for (const [label, script] of [
      ['raw HTTP loop (spawn to first /next)', peers['raw HTTP loop']],
      ['tslambda runtime (spawn to first /next)', peers['tslambda runtime']],
      ['tslambda runtime, esbuild bundle (spawn to first /next)', bundledEcho],
      ['raw HTTP loop, CommonJS (spawn to first /next)', path.join(here, 'raw-echo.cjs')],
      ['tslambda runtime, CommonJS (spawn to first /next)', path.join(here, 'ts-echo.cjs')],
    ]) {
      const api = runtimeApi();
      const endpoint = await api.listen();
      t0 = process.hrtime.bigint();
      const child = await spawnReady(script, api, endpoint);
      times[label].push(Number(process.hrtime.bigint() - t0) / 1e6);
      child.kill();
      await new Promise((r) => child.once('exit', r));
      await api.close();
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, { median: median(v), min: Math.min(...v) }]));
}

async function bundleSize() {
  // Split like an app bundler would: what a Runtime API function loads at start-up (the entry and its
  // static imports) apart from the lazily imported go1.x transport (netrpc, gob).
  const sizes = {};
  const entries = {
    'whole entry (every export)': `export * from '@tslambda/lambda-runtime';`,
    'typical function (start + echo)': `import { start } from '@tslambda/lambda-runtime'; start(async (e) => e);`,
  };
  for (const [label, contents] of Object.entries(entries)) {
    const out = await build({
      stdin: { contents, resolveDir: here, loader: 'js', sourcefile: 'entry.js' },
      bundle: true, minify: true, splitting: true, outdir: path.join(os.tmpdir(), 'tslambda-bench-bundle'),
      platform: 'node', format: 'esm', target: 'node20', write: false, metafile: true, logLevel: 'silent',
    });
    const files = new Map(out.outputFiles.map((f) => [path.basename(f.path), f.contents]));
    const outputs = out.metafile.outputs;
    const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint);
    const eager = new Set();
    const visit = (k) => {
      if (eager.has(k)) return;
      eager.add(k);
      for (const imp of outputs[k].imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    };
    visit(entry);
    const size = (keys) => {
      const code = Buffer.concat(keys.map((k) => Buffer.from(files.get(path.basename(k)))));
      return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
    };
    sizes[label] = size([...eager]);
    const lazy = Object.keys(outputs).filter((k) => !eager.has(k) && k.endsWith('.js'));
    if (label.startsWith('whole')) sizes['go1.x transport chunk(s), loaded only under go1.x'] = size(lazy);
  }
  return sizes;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${os.cpus().length} cores, ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`command: pnpm bench runtime${quick ? ' --quick' : ''}  (median of ${ROUNDS} rounds)\n`);

const { cases, results, memory } = await throughput();
console.log('Runtime API, echo handler, one invocation at a time (in-memory Runtime API server):');
console.log('| event | peer | invocations/s | p50 ms | p99 ms | function CPU µs / invocation |');
console.log('|---|---|---:|---:|---:|---:|');
for (const c of cases) {
  for (const peer of Object.keys(peers)) {
    const r = results[`${peer}|${c.name}`];
    console.log(`| ${c.name} | ${peer} | ${fmt(r.ips)} | ${fmt(r.p50, 3)} | ${fmt(r.p99, 3)} | ${fmt(r.cpu)} |`);
  }
}
for (const c of cases) {
  const ratio = results[`tslambda runtime|${c.name}`].ips / results[`raw HTTP loop|${c.name}`].ips;
  const cpuRatio = results[`raw HTTP loop|${c.name}`].cpu / results[`tslambda runtime|${c.name}`].cpu;
  console.log(`ratio ${c.name}: tslambda / raw loop throughput = ${ratio.toFixed(2)}x (target >= 0.90x); raw / tslambda CPU per invocation = ${cpuRatio.toFixed(2)}x`);
}

const cold = await coldStart();
console.log('\nCold start (ms; all rows alternate, so load drifts hit all of them):');
console.log('| process | median | min |');
console.log('|---|---:|---:|');
for (const [k, v] of Object.entries(cold)) console.log(`| ${k} | ${fmt(v.median, 1)} | ${fmt(v.min, 1)} |`);
const base = cold['node -e 0 (spawn to exit)'];
const ts = cold['tslambda runtime (spawn to first /next)'];
const raw = cold['raw HTTP loop (spawn to first /next)'];
const bundled = cold['tslambda runtime, esbuild bundle (spawn to first /next)'];
console.log(`ratio: tslambda runtime / node -e 0 = ${(ts.median / base.median).toFixed(2)}x median, ${(ts.min / base.min).toFixed(2)}x min (target <= 1.20x); raw loop / node -e 0 = ${(raw.median / base.median).toFixed(2)}x median`);
console.log(`ratio: tslambda runtime bundled / node -e 0 = ${(bundled.median / base.median).toFixed(2)}x median, ${(bundled.min / base.min).toFixed(2)}x min`);
const cjs = cold['tslambda runtime, CommonJS (spawn to first /next)'];
const rawCjs = cold['raw HTTP loop, CommonJS (spawn to first /next)'];
console.log(`ratio: tslambda runtime CommonJS / node -e 0 = ${(cjs.median / base.median).toFixed(2)}x median, ${(cjs.min / base.min).toFixed(2)}x min; raw loop CommonJS / node -e 0 = ${(rawCjs.median / base.median).toFixed(2)}x median`);

const sizes = await bundleSize();
console.log('\nFootprint:');
console.log('| what | minified | min+gz |');
console.log('|---|---:|---:|');
for (const [k, v] of Object.entries(sizes)) console.log(`| esbuild bundle, ${k} | ${fmt(v.min / 1024, 1)} KiB | ${fmt(v.gz / 1024, 1)} KiB |`);
console.log(`| RSS after 1000 invocations, tslambda runtime | ${fmt(memory['tslambda runtime'] / 1024, 1)} MiB | |`);
console.log(`| RSS after 1000 invocations, raw HTTP loop (bare Node) | ${fmt(memory['raw HTTP loop'] / 1024, 1)} MiB | |`);
console.log(`memory above bare Node: ${fmt((memory['tslambda runtime'] - memory['raw HTTP loop']) / 1024, 1)} MiB (target <= 10 MiB); whole entry min+gz ${fmt(sizes['whole entry (every export)'].gz / 1024, 1)} KiB (target <= 20 KiB)`);

// (a) go1.x: bench/runtime/go1x.mjs (Go's net/rpc client driving the TS runtime and a Go function) needs Go.
const go = spawnSync('go', ['version'], { stdio: 'ignore' });
if (go.status === 0) {
  console.log('\n## go1.x\n');
  const r = spawnSync(process.execPath, [path.join(here, 'go1x.mjs'), ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
} else {
  console.log('\ngo1.x part skipped: Go is not installed (apt-get install golang-go)');
}
