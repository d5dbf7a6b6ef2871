#!/usr/bin/env node
// @tslambda/lambda-local: what the emulator costs. Cold start (spawn to ready) and warm invocation
// round trips of examples/hello under go1.x and the Runtime API, direct (`LocalFunction.invoke`)
// and through the Invoke API server (`serve`, HTTP), with 1 and 2 instances.
// Needs a build (`pnpm build`). Run: pnpm bench local
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { LocalFunction, serve } = await import(path.join(here, '../../packages/lambda-local/dist/index.js'));
const entry = path.join(here, '../../examples/hello/dist/index.js');
const COLD_RUNS = 5;
const WARM = 300;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function cold(protocol) {
  const inits = [];
  const firsts = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const fn = new LocalFunction({ entry, protocol });
    const t = performance.now();
    const r = await fn.invoke({});
    firsts.push(performance.now() - t);
    inits.push(r.report.initDurationMs);
    await fn.close();
  }
  return { init: median(inits), first: median(firsts) };
}

async function warm(protocol, via, concurrency = 1) {
  const fn = new LocalFunction({ entry, protocol, concurrency });
  await fn.warm(concurrency);
  const server = via === 'http' ? await serve(fn, { port: 0 }) : undefined;
  const url = server && `${server.url}/2015-03-31/functions/function/invocations`;
  const agent = new Agent({ keepAlive: true });
  const once = async () => {
    if (!url) return fn.invoke({});
    await new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', agent }, (res) => {
        res.resume();
        res.once('end', resolve);
      });
      req.once('error', reject);
      req.end('{}');
    });
  };
  for (let i = 0; i < 50; i++) await once();
  const lat = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < WARM) {
        next++;
        const t = performance.now();
        await once();
        lat.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  await server?.close();
  await fn.close();
  return { perSec: WARM / seconds, p50: pct(lat, 0.5), p99: pct(lat, 0.99) };
}

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}`);
const rows = [];
for (const protocol of ['go1x', 'api']) {
  const c = await cold(protocol);
  rows.push([`${protocol} cold start (median of ${COLD_RUNS})`, `init ${c.init.toFixed(1)} ms`, `first answer ${c.first.toFixed(1)} ms`]);
}
const results = {};
for (const [protocol, via, n] of [['go1x', 'direct', 1], ['api', 'direct', 1], ['go1x', 'http', 1], ['api', 'http', 1], ['api', 'direct', 2]]) {
  // Best of two runs: the machine may be shared.
  const a = await warm(protocol, via, n);
  const b = await warm(protocol, via, n);
  const r = a.perSec >= b.perSec ? a : b;
  results[`${protocol}/${via}/${n}`] = r;
  rows.push([`${protocol} warm, ${via === 'http' ? 'Invoke API (HTTP)' : 'LocalFunction.invoke'}, ${n} instance${n > 1 ? 's' : ''}`, `${r.perSec.toFixed(0)} inv/s`, `p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`]);
}
console.log('\n| case | | |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
const ratio = (a, b) => (results[a].perSec / results[b].perSec).toFixed(2);
console.log(`\nratios (throughput): go1.x / Runtime API direct ${ratio('go1x/direct/1', 'api/direct/1')}x; ` +
  `Invoke API / direct (api) ${ratio('api/http/1', 'api/direct/1')}x; 2 instances / 1 (api) ${ratio('api/direct/2', 'api/direct/1')}x`);
