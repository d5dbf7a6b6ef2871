// A real HTTP server on 127.0.0.1 playing the Lambda Runtime API, for a function in a child process.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What the function posted for one invocation. */
export interface Posted {
  kind: 'response' | 'error';
  headers: IncomingHttpHeaders;
  trailers: Record<string, string>;
  body: Buffer;
  chunks: Buffer[];
}

/** Hook on a streamed response's request, e.g. to stop reading for a while. */
export type OnResponse = (req: IncomingMessage) => void;

export class RuntimeApi {
  readonly server: Server;
  endpoint = '';
  onResponse: OnResponse | undefined;
  #queue: { id: string; payload: string }[] = [];
  #waiting: ((inv: { id: string; payload: string }) => void)[] = [];
  #results = new Map<string, (p: Posted) => void>();
  #sockets = new Set<Socket>();
  #seq = 0;

  constructor() {
    this.server = createServer((req, res) => this.#route(req, res));
    this.server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.endpoint = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.endpoint;
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  invoke(event: unknown): Promise<Posted> {
    const inv = { id: `req-${++this.#seq}`, payload: JSON.stringify(event) };
    const result = new Promise<Posted>((resolve) => this.#results.set(inv.id, resolve));
    const w = this.#waiting.shift();
    if (w) w(inv);
    else this.#queue.push(inv);
    return result;
  }

  #route(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '';
    if (req.method === 'GET' && url === '/2018-06-01/runtime/invocation/next') {
      const send = (inv: { id: string; payload: string }) => {
        res.setHeader('Lambda-Runtime-Aws-Request-Id', inv.id);
        res.setHeader('Lambda-Runtime-Deadline-Ms', String(Date.now() + 30_000));
        res.setHeader('Lambda-Runtime-Invoked-Function-Arn', 'arn:aws:lambda:us-east-1:123456789012:function:fn');
        res.end(inv.payload);
      };
      const queued = this.#queue.shift();
      if (queued) send(queued);
      else this.#waiting.push(send);
      return;
    }
    const m = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(url);
    if (!m) {
      req.resume();
      res.statusCode = url.endsWith('/init/error') ? 202 : 404;
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    if (m[2] === 'response') this.onResponse?.(req);
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const trailers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.trailers)) if (typeof v === 'string') trailers[k] = v;
      res.statusCode = 202;
      res.end('{"status":"OK"}');
      this.#results.get(decodeURIComponent(m[1]!))?.({ kind: m[2] as Posted['kind'], headers: req.headers, trailers, body: Buffer.concat(chunks), chunks });
    });
  }
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds this package's dist/ when missing or older than src/, and the two
 * packages it uses when their dist/ is missing (`pnpm test` builds them all first).
 */
export function ensureBuilt(): void {
  for (const dir of ['../lambda-events', '../lambda-runtime', '.']) {
    const pkg = path.resolve(pkgDir, dir);
    const out = path.join(pkg, 'dist/index.js');
    if (existsSync(out) && (dir !== '.' || statSync(out).mtimeMs >= newest(path.join(pkg, 'src')))) continue;
    execFileSync('pnpm', ['build'], { cwd: pkg, stdio: 'pipe' });
  }
}

/** Starts `node <fixture>` as a function against `api`. */
export function spawnFunction(fixture: string, api: RuntimeApi): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  const child = spawn(process.execPath, [path.join(pkgDir, 'test/fixtures', fixture)], {
    cwd: pkgDir,
    env: {
      PATH: process.env.PATH ?? '',
      AWS_LAMBDA_RUNTIME_API: api.endpoint,
      AWS_LAMBDA_FUNCTION_NAME: 'fn',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/fn',
      AWS_LAMBDA_LOG_STREAM_NAME: 'stream',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return { child, stdout: () => out, stderr: () => err };
}

/** Splits an HTTP-integration response into its prelude (JSON) and body. */
export function splitPrelude(body: Buffer): { prelude: Record<string, unknown>; rest: Buffer } {
  const at = body.indexOf(Buffer.alloc(8));
  if (at < 0) throw new Error(`no prelude delimiter in ${JSON.stringify(body.subarray(0, 200).toString())}`);
  return { prelude: JSON.parse(body.subarray(0, at).toString()) as Record<string, unknown>, rest: body.subarray(at + 8) };
}
