// Builds and drives the Go programs of test/go/ (GOPATH mode, stdlib only).
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const goDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'go');

/**
 * Whether `go` runs. Without it the Go tests skip with a visible warning,
 * except in CI (`process.env.CI`), where this throws so the suite fails.
 */
export function haveGo(what: string): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error(`gob: go is required in CI for ${what}`);
    console.warn(`[gob] go not found on PATH: skipping ${what}`);
    return false;
  }
}

/** Builds test/go/<name> into a fresh temp dir. `dispose()` removes it. */
export function buildGo(name: string): { bin: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tslambda-gob-${name}-`));
  const bin = path.join(dir, name);
  try {
    execFileSync('go', ['build', '-o', bin, '.'], {
      cwd: path.join(goDir, name),
      env: { ...process.env, GO111MODULE: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer };
    throw new Error(`go build test/go/${name} failed: ${err.stderr?.toString() ?? String(e)}`);
  }
  return { bin, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A long-lived Go process speaking line-delimited JSON: one request line
 * on stdin, one response line on stdout, in order.
 */
export class GoLines {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve: (v: any) => void; reject: (e: Error) => void }[] = [];
  private chunks: string[] = [];
  private stderr = '';
  private exited: Error | undefined;

  constructor(bin: string) {
    this.child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (d: string) => this.onData(d));
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    const fail = (why: string): void => {
      this.exited = new Error(`${path.basename(bin)} ${why}: ${this.stderr}`);
      for (const w of this.waiting.splice(0)) w.reject(this.exited);
    };
    this.child.on('error', (e) => fail(`failed: ${e.message}`));
    this.child.on('exit', (code, signal) => fail(`exited (${code ?? signal})`));
  }

  private onData(d: string): void {
    let at = 0;
    for (let nl; (nl = d.indexOf('\n', at)) >= 0; at = nl + 1) {
      this.chunks.push(d.slice(at, nl));
      const line = this.chunks.join('');
      this.chunks = [];
      const w = this.waiting.shift();
      if (!w) continue;
      try {
        w.resolve(JSON.parse(line));
      } catch (e) {
        w.reject(new Error(`bad line from Go: ${line.slice(0, 200)}`));
      }
    }
    if (at < d.length) this.chunks.push(d.slice(at));
  }

  /** The next line (e.g. the greeting the program prints at start-up). */
  next(): Promise<any> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Sends one request and resolves with its response. */
  request(body: unknown): Promise<any> {
    const p = this.next();
    this.child.stdin.write(`${JSON.stringify(body)}\n`);
    return p;
  }

  /** Closes stdin and waits for the process to exit (killing it after 2 s). */
  close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.stdin.end();
    });
  }
}
