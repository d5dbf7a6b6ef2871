import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import type { ResolvedEntry } from './entry.js';
import { functionEnvironment, logStreamName } from './env.js';
import { Go1xDriver } from './go1x-driver.js';
import { platformError, type FunctionError, type Invocation, type Outcome } from './invocation.js';
import { peakMemoryMB } from './memory.js';
import { RuntimeApiServer } from './runtime-api-server.js';

/** The two protocols a function process can speak. */
export type Protocol = 'api' | 'go1x';

/** Where a function process's output line came from. */
export type OutputStream = 'stdout' | 'stderr';

/** How an instance is started. */
export interface InstanceSpec {
  protocol: Protocol;
  entry: ResolvedEntry;
  functionName: string;
  memorySize: number;
  region: string;
  environment: Record<string, string>;
  initTimeoutMs: number;
  nodeArgs: string[];
  /** Every output line of the process, with the request it belongs to (none during init). */
  onOutput(line: string, stream: OutputStream, requestId: string | undefined): void;
}

/** A failed init: the error to return and the init's duration. */
export class InitFailure extends Error {
  override name = 'InitFailure';
  constructor(
    readonly error: FunctionError,
    readonly initDurationMs: number,
    readonly logs: string[],
    readonly status: 'error' | 'timeout',
  ) {
    super(error.type);
  }
}

/** What one invocation on an instance measured. */
export interface RunReport {
  outcome: Outcome;
  durationMs: number;
  maxMemoryUsedMB: number | undefined;
  logs: string[];
}

/**
 * One execution environment: a function process started as Lambda starts it,
 * with its own Runtime API server (or go1.x connection). Runs one invocation
 * at a time; enforces the timeout by killing the process.
 */
export class Instance {
  readonly id = randomBytes(16).toString('hex');
  /** Milliseconds from spawn to the first `/next` (or a successful `Function.Ping`). */
  initDurationMs = 0;
  private proc: ChildProcess | undefined;
  private api: RuntimeApiServer | undefined;
  private go1x: Go1xDriver | undefined;
  private current: Invocation | undefined;
  private logs: string[] = [];
  private exitText: string | undefined;
  private exitListeners: (() => void)[] = [];
  private lastMemory: number | undefined;
  private killed = false;

  private constructor(private readonly spec: InstanceSpec) {}

  /** Starts an instance and waits for its init; rejects with {@link InitFailure}. */
  static async start(spec: InstanceSpec): Promise<Instance> {
    const instance = new Instance(spec);
    await instance.init();
    return instance;
  }

  /** True while the process runs. */
  get alive(): boolean {
    return !this.killed && this.exitText === undefined;
  }

  /** Registers a callback for the process's exit. */
  onExit(listener: () => void): void {
    if (this.exitText !== undefined) listener();
    else this.exitListeners.push(listener);
  }

  /** Lines logged while no invocation ran (init, or after the last response), handed to the next invocation's log. */
  takePendingLogs(): string[] {
    const lines = this.logs;
    this.logs = [];
    return lines;
  }

  private async init(): Promise<void> {
    const spec = this.spec;
    const started = performance.now();
    let initError: FunctionError | undefined;
    let ready!: () => void;
    const readyPromise = new Promise<void>((resolve) => (ready = resolve));
    let transport: { go1xPort: number } | { runtimeApi: string };
    if (spec.protocol === 'api') {
      this.api = new RuntimeApiServer({ onNext: () => ready(), onInitError: (e) => (initError = e) }, spec.functionName);
      transport = { runtimeApi: await this.api.listen() };
    } else {
      const port = await freePort();
      this.go1x = new Go1xDriver(port);
      transport = { go1xPort: port };
    }
    const env = functionEnvironment(
      {
        functionName: spec.functionName,
        memorySize: spec.memorySize,
        region: spec.region,
        taskRoot: spec.entry.taskRoot,
        handler: spec.entry.handler,
        transport,
        extra: spec.environment,
      },
      logStreamName(new Date(), this.id),
    );
    const args = spec.entry.node ? [...spec.nodeArgs, ...spec.entry.args] : spec.entry.args;
    const proc = spawn(spec.entry.command, args, {
      cwd: spec.entry.taskRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    this.pipeLines(proc.stdout!, 'stdout');
    this.pipeLines(proc.stderr!, 'stderr');
    const exited = new Promise<void>((resolve) => {
      proc.once('error', (err) => {
        this.markExited(`fork/exec failed: ${err.message}`);
        resolve();
      });
      proc.once('exit', (code, signal) => {
        this.markExited(signal ? `signal: ${signalName(signal)}` : `exit status ${code ?? 0}`);
        resolve();
      });
    });

    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, spec.initTimeoutMs);
    try {
      const go1xReady = this.go1x ? this.go1x.connect(() => this.alive, abort.signal) : undefined;
      go1xReady?.catch(() => {});
      const winner = await Promise.race([
        (go1xReady ?? readyPromise).then(() => 'ready' as const, () => 'failed' as const),
        exited.then(() => 'exited' as const),
        new Promise<'timeout'>((resolve) => abort.signal.addEventListener('abort', () => resolve('timeout'), { once: true })),
      ]);
      this.initDurationMs = performance.now() - started;
      if (winner === 'ready' && this.alive) return;
      if (winner === 'exited' || !this.alive) await flushed(proc);
      const status = timedOut ? 'timeout' : 'error';
      const error = timedOut
        ? platformError('Sandbox.Timedout', `INIT phase timed out after ${(spec.initTimeoutMs / 1000).toFixed(2)} seconds`)
        : initError ?? platformError('Runtime.ExitError', `Runtime exited ${this.exitText ? `with error: ${this.exitText}` : 'without providing a reason'}`);
      this.kill();
      throw new InitFailure(error, this.initDurationMs, this.takePendingLogs(), status);
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  }

  /**
   * Runs one invocation; settles it on timeout or process exit. Returns
   * `undefined` when the process exited before the invocation reached it
   * (the caller runs it on another instance).
   */
  async run(inv: Invocation, timeoutMs: number): Promise<RunReport | undefined> {
    this.current = inv;
    const started = performance.now();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.lastMemory = peakMemoryMB(this.proc?.pid);
      this.kill();
      inv.fail(platformError('Sandbox.Timedout', `RequestId: ${inv.request.requestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`), 'timeout');
    }, timeoutMs);
    let undelivered!: () => void;
    const lost = new Promise<'lost'>((resolve) => (undelivered = () => resolve('lost')));
    const onExit = () => {
      if (this.api?.isQueued(inv)) undelivered();
      else inv.fail(platformError('Runtime.ExitError', `RequestId: ${inv.request.requestId} Error: Runtime exited with error: ${this.exitText}`));
    };
    this.onExit(onExit);
    if (this.api) this.api.dispatch(inv);
    else if (this.go1x) {
      void this.go1x.invoke(inv).then((shouldExit) => {
        // aws-lambda-go asks to be restarted after a panic.
        if (shouldExit) void inv.done.then(() => this.kill());
      });
    }
    const first = await Promise.race([inv.done, lost]);
    clearTimeout(timer);
    this.exitListeners = this.exitListeners.filter((l) => l !== onExit);
    if (first === 'lost') {
      this.current = undefined;
      return undefined;
    }
    const outcome = first;
    const durationMs = performance.now() - started;
    if (!timedOut && this.alive) this.lastMemory = peakMemoryMB(this.proc?.pid) ?? this.lastMemory;
    // Output written before the answer (stdout pipes are synchronous on Linux) is readable by
    // now; two event-loop turns let its 'data' events run.
    if (this.exitText !== undefined && this.proc) await flushed(this.proc);
    else for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
    const logs = this.logs;
    this.logs = [];
    this.current = undefined;
    return { outcome, durationMs, maxMemoryUsedMB: this.lastMemory, logs };
  }

  /** Kills the process now (SIGKILL) and closes the transport. */
  kill(): void {
    this.killed = true;
    if (this.proc && this.exitText === undefined && this.proc.exitCode === null) this.proc.kill('SIGKILL');
    this.api?.close();
    this.go1x?.close();
  }

  /** Asks the process to stop (SIGTERM, then SIGKILL after `graceMs`) and waits for it. */
  async stop(graceMs = 500): Promise<void> {
    if (!this.proc || this.exitText !== undefined) {
      this.kill();
      return;
    }
    const gone = new Promise<void>((resolve) => this.onExit(resolve));
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), graceMs);
    await gone;
    clearTimeout(timer);
    this.kill();
  }

  private markExited(text: string): void {
    if (this.exitText !== undefined) return;
    this.exitText = text;
    this.api?.close();
    this.go1x?.close();
    for (const l of this.exitListeners.splice(0)) l();
  }

  private pipeLines(stream: Readable, name: OutputStream): void {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) this.line(line, name);
    });
    stream.once('end', () => {
      if (rest) this.line(rest, name);
      rest = '';
    });
  }

  private line(text: string, stream: OutputStream): void {
    this.logs.push(text);
    this.spec.onOutput(text, stream, this.current?.request.requestId);
  }
}

/** Go's `ExitError` text for a signal. */
function signalName(signal: NodeJS.Signals): string {
  const names: Partial<Record<NodeJS.Signals, string>> = { SIGKILL: 'killed', SIGTERM: 'terminated', SIGSEGV: 'segmentation fault', SIGABRT: 'aborted', SIGINT: 'interrupt' };
  return names[signal] ?? signal;
}

/** Waits until the process's output pipes are drained. */
function flushed(proc: ChildProcess): Promise<void> {
  const streams = [proc.stdout, proc.stderr].filter((s): s is Readable => s !== null && !s.readableEnded && !s.destroyed);
  return Promise.race([
    Promise.all(streams.map((s) => new Promise<void>((resolve) => s.once('close', resolve)))).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, 200)),
  ]);
}

/** A free TCP port on 127.0.0.1 for `_LAMBDA_SERVER_PORT`. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
