// Importing the gateway loads no node:http (Node's ESM wrapper of node:http costs ~50 ms at start-up on
// Node 22 and 24); handleNode() loads it with its first request.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS_TEXT } from '../src/internal/status-text.js';
import { urlEvent } from './helpers/events.js';
import { ensureBuilt, pkgDir } from './helpers/runtime-api.js';

const dist = path.join(pkgDir, 'dist');

/** Runs `code` in a fresh Node and returns what it prints. */
function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: pkgDir, encoding: 'utf8' }).trim();
}

const LOADED = `JSON.stringify(process.moduleLoadList.filter((m) => m === 'NativeModule http' || m === 'NativeModule _http_server'))`;

describe('start-up', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('the reason phrases are node:http STATUS_CODES, entry for entry', () => {
    expect({ ...STATUS_TEXT }).toEqual({ ...STATUS_CODES });
  });

  it('the event guards of @tslambda/lambda-events are compiled in: the entries import nothing from it', () => {
    for (const file of ['index.js', 'index.cjs']) {
      expect(readFileSync(path.join(dist, file), 'utf8')).not.toMatch(/(?:from |require\()['"]@tslambda\/lambda-events/);
    }
  });

  it('importing the ESM entry loads no node:http', () => {
    const out = node(['--input-type=module', '-e', `await import(${JSON.stringify(path.join(dist, 'index.js'))}); console.log(${LOADED});`]);
    expect(JSON.parse(out)).toEqual([]);
  });

  it('requiring the CommonJS entry loads no node:http', () => {
    const out = node(['-e', `require(${JSON.stringify(path.join(dist, 'index.cjs'))}); console.log(${LOADED});`]);
    expect(JSON.parse(out)).toEqual([]);
  });

  it('handleNode() loads node:http with its first request and serves it', () => {
    const event = JSON.stringify(urlEvent({ rawPath: '/x' }));
    const out = node([
      '--input-type=module',
      '-e',
      `const { handleNode } = await import(${JSON.stringify(path.join(dist, 'index.js'))});
       const before = ${LOADED};
       const handler = handleNode((req, res) => { res.setHeader('content-type', 'text/plain'); res.end('node ' + req.url); });
       const r = await handler(${event}, {});
       console.log(JSON.stringify({ before: JSON.parse(before), body: r.body, after: JSON.parse(${LOADED}).sort() }));`,
    ]);
    expect(JSON.parse(out)).toEqual({ before: [], body: 'node /x', after: ['NativeModule _http_server', 'NativeModule http'] });
  });
});
