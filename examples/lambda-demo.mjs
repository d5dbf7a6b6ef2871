#!/usr/bin/env node
// `pnpm demo`: invokes every example through the local Lambda emulator
// (@tslambda/lambda-local), under the go1.x protocol and the Runtime API, and
// prints each response. Expects a build (`pnpm demo` runs `turbo run build` first).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const localDist = path.join(here, '../packages/lambda-local/dist/index.js');
const examples = ['hello', 's3-event', 'sqs-batch', 'http-api', 'express', 'streaming'];
const missing = [localDist, ...examples.map((e) => path.join(here, e, 'dist/index.js'))].filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`not built yet: ${missing.map((f) => path.relative(process.cwd(), f)).join(', ')}\nrun \`pnpm demo\` (it builds first) or \`pnpm build\``);
  process.exit(1);
}
const { LocalFunction, sampleEvent } = await import(localDist);

const color = !process.env.NO_COLOR && (process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : process.stdout.isTTY);
const sgr = (a, b) => (s) => (color ? `\u001b[${a}m${s}\u001b[${b}m` : s);
const bold = sgr(1, 22);
const dim = sgr(2, 22);
const green = sgr(32, 39);
const red = sgr(31, 39);
const cyan = sgr(36, 39);

const PROTOCOLS = [
  ['go1x', 'go1.x'],
  ['api', 'Runtime API'],
];

function httpApi(method, url, body) {
  const e = sampleEvent('http-api').event;
  const [rawPath, rawQueryString = ''] = url.split('?');
  Object.assign(e, { rawPath, rawQueryString });
  e.requestContext.http.method = method;
  e.requestContext.http.path = rawPath;
  if (rawQueryString) e.queryStringParameters = Object.fromEntries(new URLSearchParams(rawQueryString));
  if (body !== undefined) {
    e.body = JSON.stringify(body);
    e.headers = { ...e.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(e.body)) };
  }
  return e;
}

function s3(keys) {
  const t = sampleEvent('s3').event.Records[0];
  return { Records: keys.map((key) => ({ ...t, s3: { ...t.s3, object: { ...t.s3.object, key } } })) };
}

function sqs(bodies) {
  const t = sampleEvent('sqs').event.Records[0];
  return { Records: Object.entries(bodies).map(([messageId, body]) => ({ ...t, messageId, body })) };
}

function functionUrl(url) {
  const e = sampleEvent('function-url').event;
  const [rawPath, rawQueryString = ''] = url.split('?');
  Object.assign(e, { rawPath, rawQueryString, queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)) });
  e.requestContext.http.path = rawPath;
  e.requestContext.http.method = 'GET';
  return e;
}

/** What each example is asked, and how its answer is shown. */
const CASES = {
  hello: [{ label: 'invoke {}', event: {} }],
  's3-event': [{ label: 'ObjectCreated:Put x2', event: s3(['photos/beach+day.jpg', 'docs/r%C3%A9sum%C3%A9.pdf']) }],
  'sqs-batch': [
    {
      label: '3 messages, 1 bad',
      event: sqs({ 'msg-1': '{"orderId":"o-1","quantity":2}', 'msg-2': '{"orderId":"o-2","quantity":0}', 'msg-3': '{"orderId":"o-3","quantity":1}' }),
    },
  ],
  'http-api': [
    { label: 'GET /hello/ƛ', event: httpApi('GET', '/hello/%C6%9B?lang=en'), http: true },
    { label: 'GET /pixel.png', event: httpApi('GET', '/pixel.png'), http: true },
  ],
  express: [
    { label: 'GET /users/1', event: httpApi('GET', '/users/1'), http: true },
    { label: 'POST /users', event: httpApi('POST', '/users', { name: 'Grace' }), http: true },
  ],
  streaming: [{ label: 'GET /?count=4', event: functionUrl('/?count=4'), stream: true }],
};

function shorten(text, max = 90) {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function showHttp(payload) {
  const r = JSON.parse(payload.toString('utf8'));
  const type = r.headers?.['content-type'] ?? '';
  const body = r.isBase64Encoded ? `<${Buffer.from(r.body, 'base64').length} bytes ${type}, base64>` : r.body ?? '';
  return `${r.statusCode} ${shorten(body, 70)}`;
}

function splitPrelude(bytes) {
  const sep = bytes.indexOf(Buffer.alloc(8));
  return sep < 0 ? { status: '?', body: bytes.toString() } : { status: JSON.parse(bytes.subarray(0, sep).toString()).statusCode, body: bytes.subarray(sep + 8).toString() };
}

async function runCase(fn, c) {
  if (c.stream && fn.protocol === 'api') {
    const started = Date.now();
    const res = await fn.invokeStream(c.event);
    const arrivals = [];
    const chunks = [];
    for await (const chunk of res.body) {
      chunks.push(chunk);
      arrivals.push(Date.now() - started);
    }
    const result = await res.result;
    const { status, body } = splitPrelude(Buffer.concat(chunks));
    return { result, text: `${status} streamed in ${chunks.length} chunks at +${arrivals.map((t) => t - arrivals[0]).join('/+')} ms: ${shorten(body, 50)}` };
  }
  const result = await fn.invoke(c.event);
  if (result.functionError) return { result, text: result.payload.toString() };
  if (c.stream) {
    const { status, body } = splitPrelude(result.payload);
    return { result, text: `${status} buffered (go1.x has no streaming): ${shorten(body, 50)}` };
  }
  return { result, text: c.http ? showHttp(result.payload) : shorten(result.payload.toString('utf8')) };
}

console.log(`${bold('tslambda demo')}: ${examples.length} examples × 2 protocols, each a real child process run by the local Lambda emulator\n`);
let failures = 0;
const started = Date.now();
for (const name of examples) {
  const entry = path.join(here, name, 'dist/index.js');
  // Both protocols at once: two instances, like two Lambda execution environments.
  const runs = await Promise.all(
    PROTOCOLS.map(async ([protocol, label]) => {
      const fn = new LocalFunction({ entry, protocol, name, timeout: 10 });
      try {
        const lines = [];
        for (const c of CASES[name]) {
          const { result, text } = await runCase(fn, c);
          const r = result.report;
          const timing = dim(`${r.durationMs.toFixed(1)} ms${r.initDurationMs !== undefined ? `, init ${r.initDurationMs.toFixed(0)} ms` : ''}${r.maxMemoryUsedMB ? `, ${r.maxMemoryUsedMB} MB` : ''}`);
          if (result.functionError) failures++;
          lines.push(`  ${label.padEnd(12)} ${c.label.padEnd(22)} ${result.functionError ? red(`✖ ${result.errorType}: ${shorten(text, 60)}`) : `${green('→')} ${text}`}  ${timing}`);
        }
        return lines;
      } catch (err) {
        failures++;
        return [`  ${label.padEnd(12)} ${red(`✖ ${err.message}`)}`];
      } finally {
        await fn.close();
      }
    }),
  );
  console.log(cyan(bold(name)));
  for (const lines of runs) for (const line of lines) console.log(line);
}
console.log(`\n${failures === 0 ? green('all examples answered') : red(`${failures} failed`)} ${dim(`in ${((Date.now() - started) / 1000).toFixed(1)} s`)}`);
console.log(dim('try: node packages/lambda-local/dist/cli.js serve examples/http-api/dist/index.js --http   then   curl localhost:9000/hello/you'));
process.exit(failures === 0 ? 0 : 1);
