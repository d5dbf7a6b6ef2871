import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli.js');
const fixtures = path.join(root, 'test/fixtures');

beforeAll(() => {
  // `pnpm test` builds first; a lone `vitest --project lambda-local` may not have.
  if (!existsSync(cli)) execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...options.env };
    if (!options.env?.FORCE_COLOR) delete env.FORCE_COLOR;
    const child = spawn(process.execPath, [cli, ...args], { cwd: fixtures, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

describe('tslambda invoke', () => {
  it('prints the response on stdout, the log on stderr, and exits 0', async () => {
    const [api, go] = await Promise.all([
      run(['invoke', 'echo.mjs', '--payload', '{"action":"log","lines":["hello"]}', '--env', 'GREETING=hey']),
      run(['invoke', 'handlers.hello', '--protocol', 'go1x', '--event', '-'], { input: '{"name":"stdin"}' }),
    ]);
    expect(api.code).toBe(0);
    expect(JSON.parse(api.stdout)).toMatchObject({ event: { action: 'log' }, env: { GREETING: 'hey' } });
    expect(api.stderr).toMatch(/^START RequestId: /m);
    expect(api.stderr).toMatch(/\tINFO\thello$/m);
    expect(api.stderr).toMatch(/^REPORT RequestId: .*\tInit Duration: /m);
    expect(api.stderr).not.toContain('\u001b[');
    expect(go.code).toBe(0);
    expect(JSON.parse(go.stdout)).toEqual({ hello: 'stdin' });
  });

  it('exits 1 on a function error and names it', async () => {
    const r = await run(['invoke', 'echo.mjs', '--payload', '{"action":"throw","message":"out of stock"}', '--quiet']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ errorType: 'OrderError', errorMessage: 'out of stock' });
    expect(r.stderr).toBe('✖ OrderError: out of stock\n');
  });

  it('reports a timeout with --timeout', async () => {
    const r = await run(['invoke', 'echo.mjs', '--payload', '{"action":"sleep","ms":3000}', '--timeout', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Task timed out after 1\.00 seconds/);
    expect(r.stderr).toMatch(/Status: timeout/);
  });

  it('colours when FORCE_COLOR is set, and not with NO_COLOR', async () => {
    const [forced, none] = await Promise.all([
      run(['invoke', 'handlers.hello'], { env: { FORCE_COLOR: '1' } }),
      run(['invoke', 'handlers.hello'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }),
    ]);
    expect(forced.stderr).toContain('\u001b[36mREPORT');
    expect(none.stderr).not.toContain('\u001b[');
  });

  it('exits 2 on bad usage, a missing entry or bad JSON', async () => {
    const results = await Promise.all([
      run(['invoke']),
      run(['invoke', 'missing.js']),
      run(['invoke', 'echo.mjs', '--payload', '{bad']),
      run(['invoke', 'echo.mjs', '--protocol', 'smoke-signals']),
      run(['frobnicate']),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(2);
    expect(results[1]!.stderr).toMatch(/cannot find the function "missing.js"/);
    expect(results[2]!.stderr).toMatch(/Could not parse request body into json/);
  });
});

describe('tslambda event', () => {
  it('prints a sample event for every kind, with aliases', async () => {
    const [s3, list, alias, bad] = await Promise.all([run(['event', 's3']), run(['event', '--list']), run(['event', 'api-gateway']), run(['event', 's4'])]);
    expect(s3.code, s3.stderr).toBe(0);
    expect(JSON.parse(s3.stdout).Records[0].eventSource).toBe('aws:s3');
    expect(list.stdout.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(70);
    expect(list.stdout).toMatch(/^sqs\s+SQS batch of messages$/m);
    expect(JSON.parse(alias.stdout).httpMethod).toBeDefined();
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no sample event "s4" \(did you mean "s3"/);
  });
});

describe('tslambda serve', () => {
  it('serves the Invoke API until interrupted', async () => {
    const child = spawn(process.execPath, [cli, 'serve', 'echo.mjs', '--port', '0', '--name', 'orders'], { cwd: fixtures, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let banner = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (c: Buffer) => {
          banner += c;
          const m = /POST (http:\/\/127\.0\.0\.1:\d+)\//.exec(banner);
          if (m) resolve(m[1]!);
        });
        void exited.then(() => reject(new Error(`exited early: ${banner}`)));
      });
      expect(banner).toContain('serving orders (Runtime API, timeout 3 s, 128 MB, up to 4 instances)');
      const res = await fetch(`${url}/2015-03-31/functions/orders/invocations`, { method: 'POST', body: '{"n":1}' });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { event: unknown }).event).toEqual({ n: 1 });
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
