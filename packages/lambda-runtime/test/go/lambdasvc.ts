// Builds and runs test/go/lambdasvc, the Go program that plays the go1.x Lambda service.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pkgDir } from '../helpers/child.js';

const goDir = path.join(pkgDir, 'test/go');

function haveGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when Go is available. Without it the go1.x tests skip with a warning, except in CI, where they fail. */
export const goAvailable: boolean = (() => {
  if (haveGo()) return true;
  if (process.env.CI) throw new Error('go is required in CI for the lambda-runtime go1.x tests');
  console.warn('[lambda-runtime] go not found: skipping the go1.x tests (test/go/lambdasvc)');
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

/** Builds lambdasvc (GOPATH mode, stdlib only) into a temp cache dir. */
export function lambdasvcBinary(): string {
  const dir = path.join(os.tmpdir(), `tslambda-lambda-runtime-go-${sourceHash()}`);
  const bin = path.join(dir, 'lambdasvc');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${bin}.${process.pid}.tmp`;
    execFileSync('go', ['build', '-o', tmp, '.'], {
      cwd: path.join(goDir, 'lambdasvc'),
      env: { ...process.env, GO111MODULE: 'off' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    renameSync(tmp, bin);
  }
  return bin;
}

export interface Repeat {
  Prefix: string;
  Unit: string;
  Count: number;
  Suffix: string;
}

export interface InvokeSpec {
  Payload?: string;
  PayloadRepeat?: Repeat;
  RequestId: string;
  TraceId?: string;
  Arn?: string;
  CognitoId?: string;
  CognitoPool?: string;
  ClientContext?: string;
  DeadlineInMs?: number;
}

export interface StepSpec {
  Name?: string;
  Conn?: number;
  Ping?: boolean;
  Method?: string;
  Invoke?: InvokeSpec;
  Parallel?: StepSpec[];
}

export interface SessionSpec {
  Name: string;
  Env?: Record<string, string>;
  Conns?: number;
  Steps: StepSpec[];
  ExpectExit?: boolean;
  ExitTimeoutMs?: number;
}

export interface Frame {
  Path: string;
  Line: number;
  Label: string;
}

export interface ResponseError {
  Message: string;
  Type: string;
  StackTrace: Frame[] | null;
  ShouldExit: boolean;
}

export interface StepResult {
  name: string;
  conn: number;
  rpcError: string;
  payload: string | null;
  payloadLen: number;
  payloadSha256: string;
  error: ResponseError | null;
  deadlineMs: number;
  startMs: number;
  endMs: number;
}

export interface SessionResult {
  name: string;
  readyMs: number;
  readyError: string;
  exited: boolean;
  exitCode: number;
  signal: string;
  stdout: string;
  stderr: string;
  steps: StepResult[];
}

/** Runs `sessions` against `node <fixture>`; each session is a fresh function process. */
export function runLambdaService(bin: string, fixture: string, env: Record<string, string>, sessions: SessionSpec[]): Promise<SessionResult[]> {
  const script = JSON.stringify({ Command: [process.execPath, fixture], Env: env, Sessions: sessions });
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [], { cwd: pkgDir, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`lambdasvc exited with ${code}: ${err}`));
      else resolve((JSON.parse(out) as { sessions: SessionResult[] }).sessions);
    });
    child.stdin.end(script);
  });
}
