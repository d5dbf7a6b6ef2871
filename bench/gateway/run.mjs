#!/usr/bin/env node
// lambda-gateway benchmark: events per second through the adapters with a trivial app, on the same
// AWS sample events: @tslambda/lambda-gateway handle()/handleNode() vs hono/aws-lambda and
// @codegenie/serverless-express. Run from the root: pnpm bench gateway   (needs `pnpm build` first)
// Options: --quick (short rounds), --ms=<per round>, --rounds=<n>, --events=<text> (events whose name contains it).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import serverlessExpress from '@codegenie/serverless-express';
import { handle, handleNode } from '@tslambda/lambda-gateway';
import { Hono } from 'hono';
import { handle as honoHandle } from 'hono/aws-lambda';

const here = path.dirname(fileURLToPath(import.meta.url));
const eventsDir = process.env.LAMBDA_EVENTS_FIXTURES_DIR ?? path.resolve(here, '../../../shared/events');
const arg = (name, dflt) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const quick = process.argv.includes('--quick');
const MS = arg('ms', quick ? 300 : 1500);
const ROUNDS = arg('rounds', quick ? 1 : 5);

const load = (f) => JSON.parse(readFileSync(path.join(eventsDir, f), 'utf8'));
const events = {
  'REST v1 (POST, JSON body)': load('APIGatewayProxyEvent/go-apigw-request.json'),
  'HTTP API v2 (GET)': load('APIGatewayProxyEventV2/go-apigw-v2-request-no-authorizer.json'),
  'Function URL (POST, cookies)': load('LambdaFunctionURLEvent/go-function-url-request-with-headers-and-cookies-and-text-body.json'),
  'ALB (GET, single-value)': load('ALBEvent/go-alb-lambda-target-request-headers-only.json'),
};

const only = process.argv.find((a) => a.startsWith('--events='))?.slice(9);
if (only) for (const name of Object.keys(events)) if (!name.toLowerCase().includes(only.toLowerCase())) delete events[name];

const context = {
  awsRequestId: 'bench',
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
  memoryLimitInMB: '128',
  logGroupName: '/aws/lambda/bench',
  logStreamName: 's',
  getRemainingTimeInMillis: () => 30_000,
  callbackWaitsForEmptyEventLoop: true,
};

// The same trivial app in each style: 200, text/plain, "ok". The fetch fn returns the very Response
// Hono's c.text('ok') builds (new Response('ok'): text/plain;charset=UTF-8), so both fetch peers
// send the same bytes and differ only in the adapter (and Hono's router).
const fetchApp = () => new Response('ok');
const hono = new Hono();
hono.all('*', (c) => c.text('ok'));
const listener = (req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end('ok');
};
const silent = { info() {}, debug() {}, error() {}, warn() {} };
// Express is a dev dependency of @tslambda/lambda-gateway (not of the bench): loaded from there.
const express = createRequire(path.resolve(here, '../../packages/lambda-gateway/package.json'))('express');
const expressApp = express();
expressApp.disable('x-powered-by');
expressApp.disable('etag');
expressApp.all('*', (_req, res) => res.type('text/plain').send('ok'));

const peers = {
  'tslambda handle(fetch)': handle(fetchApp),
  'tslambda handle(hono)': handle(hono),
  'hono/aws-lambda': honoHandle(hono),
  'tslambda handleNode(listener)': handleNode(listener),
  'serverless-express(listener)': serverlessExpress({ app: listener, log: silent }),
  'tslambda handleNode(express)': handleNode(expressApp),
  'serverless-express(express)': serverlessExpress({ app: expressApp, log: silent }),
};

async function check(name, fn, event) {
  const r = await fn(structuredClone(event), context);
  const body = r.isBase64Encoded ? Buffer.from(r.body, 'base64').toString() : r.body;
  if (r.statusCode !== 200 || body !== 'ok') throw new Error(`${name} answered ${JSON.stringify(r)}`);
}

// Events per CPU-second of this process (user + system time, GC threads included): on a shared
// machine wall-clock rates swing with other load, CPU time much less.
async function round(fn, event, ms) {
  let n = 0;
  const end = performance.now() + ms;
  const cpu0 = process.cpuUsage();
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) await fn(event, context);
    n += 50;
  }
  const cpu = process.cpuUsage(cpu0);
  return (n * 1e6) / (cpu.user + cpu.system);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => Math.round(x).toLocaleString('en-US');

console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${ROUNDS} rounds of ${MS} ms, median events per CPU-second\n`);
const results = {};
for (const [ename, event] of Object.entries(events)) {
  results[ename] = {};
  for (const [pname, fn] of Object.entries(peers)) await check(pname, fn, event);
  // Warm up every peer, then interleave rounds so drift hits all alike.
  for (const fn of Object.values(peers)) await round(fn, event, Math.min(300, MS));
  const samples = Object.fromEntries(Object.keys(peers).map((p) => [p, []]));
  const order = Object.entries(peers);
  for (let r = 0; r < ROUNDS; r++) {
    // Each round starts with another peer, so no peer always follows the heaviest one.
    for (let i = 0; i < order.length; i++) {
      const [pname, fn] = order[(i + r) % order.length];
      samples[pname].push(await round(fn, event, MS));
    }
  }
  for (const p of Object.keys(peers)) results[ename][p] = median(samples[p]);
}

const names = Object.keys(peers);
console.log(`| event | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---:').join('|')}|`);
for (const [ename, r] of Object.entries(results)) console.log(`| ${ename} | ${names.map((p) => fmt(r[p])).join(' | ')} |`);
console.log('\nCPU µs per event (the same medians inverted):\n');
console.log(`| event | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---:').join('|')}|`);
for (const [ename, r] of Object.entries(results)) console.log(`| ${ename} | ${names.map((p) => (1e6 / r[p]).toFixed(1)).join(' | ')} |`);
console.log('\nratios (above 1: tslambda is faster):\n');
const pairs = [
  ['tslambda handle(hono)', 'hono/aws-lambda', 'same Hono app'],
  ['tslambda handle(fetch)', 'hono/aws-lambda', 'plain fetch fn vs Hono adapter'],
  ['tslambda handleNode(listener)', 'serverless-express(listener)', 'same listener'],
  ['tslambda handleNode(express)', 'serverless-express(express)', 'same Express app'],
  ['tslambda handle(fetch)', 'serverless-express(express)', 'fetch fn vs Express app'],
  ['tslambda handle(fetch)', 'serverless-express(listener)', 'fetch fn vs raw listener'],
];
console.log(`| event | ${pairs.map(([a, b, what]) => `${a.replace('tslambda ', '')} / ${b} (${what})`).join(' | ')} |`);
console.log(`|---|${pairs.map(() => '---:').join('|')}|`);
for (const [ename, r] of Object.entries(results)) console.log(`| ${ename} | ${pairs.map(([a, b]) => `${(r[a] / r[b]).toFixed(2)}x`).join(' | ')} |`);

// Cold start: what importing each adapter costs a fresh process (ESM, as an unbundled function
// imports it), in alternating child processes; "node:http" is what an app that imports it pays anyway.
const imports = {
  'nothing (empty module)': [],
  '@tslambda/lambda-gateway': ['@tslambda/lambda-gateway'],
  'hono + hono/aws-lambda': ['hono', 'hono/aws-lambda'],
  '@codegenie/serverless-express': ['@codegenie/serverless-express'],
  'node:http (ESM import)': ['node:http'],
};
const SPAWNS = quick ? 5 : 21;
const importMs = Object.fromEntries(Object.keys(imports).map((k) => [k, []]));
for (let i = 0; i < SPAWNS; i++) {
  for (const [label, specs] of Object.entries(imports)) {
    const code = `const t = performance.now(); ${specs.map((s) => `await import(${JSON.stringify(s)});`).join(' ')} console.log(performance.now() - t);`;
    importMs[label].push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: here, encoding: 'utf8' })));
  }
}
console.log(`\nImport time in a fresh process (ESM, median of ${SPAWNS} alternating spawns, ms):\n`);
console.log('| import | ms |');
console.log('|---|---:|');
for (const [label, xs] of Object.entries(importMs)) console.log(`| ${label} | ${median(xs).toFixed(1)} |`);
