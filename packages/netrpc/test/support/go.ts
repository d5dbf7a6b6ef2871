import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const goDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'go');

function haveGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when Go is available. Without it: a visible warning and the Go tests skip, except in CI, where they fail. */
export const goAvailable: boolean = (() => {
  if (haveGo()) return true;
  if (process.env.CI) throw new Error('go is required in CI for the netrpc interop tests');
  console.warn('[netrpc] go not found: skipping the Go interop tests');
  return false;
})();

function sourceHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.go')) h.update(p).update(readFileSync(p));
    }
  };
  walk(goDir);
  return h.digest('hex').slice(0, 16);
}

/** Builds `test/go/<name>` (GOPATH mode, stdlib only) into a temp cache dir; returns the binary. */
export function goBinary(name: 'rpcserver' | 'rpcclient'): string {
  const dir = path.join(os.tmpdir(), `tslambda-netrpc-go-${sourceHash()}`);
  const bin = path.join(dir, name);
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${bin}.${process.pid}.tmp`;
    execFileSync('go', ['build', '-o', tmp, '.'], {
      cwd: path.join(goDir, name),
      env: { ...process.env, GO111MODULE: 'off' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    execFileSync('mv', ['-f', tmp, bin]);
  }
  return bin;
}

/** A running Go rpcserver. */
export interface GoServer {
  port: number;
  stop(): Promise<void>;
}

/** Starts the Go rpcserver with `args`; resolves once it listens. */
export function startGoServer(args: string[]): Promise<GoServer> {
  const child = spawn(goBinary('rpcserver'), args, { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /^LISTEN 127\.0\.0\.1:(\d+)\n/.exec(out);
      if (!m) return;
      child.stdout!.off('data', onData);
      resolve({ port: Number(m[1]), stop: () => stopChild(child) });
    };
    child.stdout!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`rpcserver exited with ${code}: ${out}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin!.end();
  });
}

/** Runs the Go rpcclient to completion; resolves to its exit code and stdout. */
export function runGoClient(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(goBinary('rpcclient'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One line of the Go client's script output. */
export interface ScriptStep {
  step: string;
  ok: boolean;
  detail: unknown;
}

export function parseSteps(stdout: string): ScriptStep[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as ScriptStep);
}
