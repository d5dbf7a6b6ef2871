// What a Runtime API function loads before its first /next: no node:http (the runtime's own HTTP/1.1
// client on node:net serves the buffered path), and the ESM and CommonJS builds behave alike.
import path from 'node:path';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeRuntimeApi } from './helpers/fake-runtime-api.js';
import { ensureBuilt, fixtures, pkgDir, spawnNode, stopProcess, type Spawned } from './helpers/child.js';

let api: FakeRuntimeApi;
let proc: Spawned | undefined;
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tslambda-startup-'));
  const dist = path.join(pkgDir, 'dist');
  writeFileSync(path.join(dir, 'esm.mjs'), `import { start } from ${JSON.stringify(path.join(dist, 'index.js'))};\nstart(async (e) => e);\n`);
  writeFileSync(path.join(dir, 'cjs.cjs'), `const { start } = require(${JSON.stringify(path.join(dist, 'index.cjs'))});\nstart(async (e) => e);\n`);
  writeFileSync(
    path.join(dir, 'stream.mjs'),
    `import { start, streamifyResponse } from ${JSON.stringify(path.join(dist, 'index.js'))};\nstart(streamifyResponse(async (e, s) => s.end(JSON.stringify(e))));\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  api = new FakeRuntimeApi();
  await api.listen();
});
afterEach(async () => {
  await stopProcess(proc);
  proc = undefined;
  await api.close();
});

/** Runs `script`, answers one invocation, and returns the built-in modules loaded by then. */
async function modulesAfterOneInvoke(script: string): Promise<{ modules: string[]; body: string }> {
  proc = spawnNode(['-r', path.join(fixtures, 'module-list.cjs'), path.join(dir, script)], { AWS_LAMBDA_RUNTIME_API: api.endpoint });
  const r = await api.invoke({ hi: 1 });
  await api.waitOpenNext(1);
  proc.child.kill('SIGUSR2');
  const exit = await proc.exited;
  const modules = exit.stderr.split('MODULES\n')[1]?.split('\n').filter(Boolean) ?? [];
  expect(modules.length).toBeGreaterThan(10);
  return { modules, body: r.body.toString() };
}

const HTTP = ['NativeModule http', 'NativeModule _http_client', 'NativeModule _http_agent', 'Internal Binding http_parser'];

describe('start-up modules', () => {
  for (const script of ['esm.mjs', 'cjs.cjs']) {
    it(`${script}: serves an invocation without loading node:http or node:module`, async () => {
      const { modules, body } = await modulesAfterOneInvoke(script);
      expect(JSON.parse(body)).toEqual({ hi: 1 });
      expect(modules).toContain('NativeModule net');
      expect(modules.filter((m) => HTTP.includes(m))).toEqual([]);
      expect(modules).not.toContain('NativeModule module');
    });
  }

  it('a streaming handler loads node:http for its responses', async () => {
    const { modules, body } = await modulesAfterOneInvoke('stream.mjs');
    expect(JSON.parse(body)).toEqual({ hi: 1 });
    expect(modules).toContain('NativeModule http');
    // Loaded through process.getBuiltinModule, not as an ES module: Node 22+ builds the ESM wrapper of
    // node:http by reading every export, which loads undici (its WebSocket).
    expect(modules.filter((m) => m.includes('undici'))).toEqual([]);
  });
});
