import path from 'node:path';
import { Readable } from 'node:stream';
import { resolveEntry, type ResolvedEntry } from './entry.js';
import { ClosedError, InvalidOptionError, InvalidPayloadError, TooManyRequestsError } from './errors.js';
import { InitFailure, Instance, type OutputStream, type Protocol, type RunReport } from './instance.js';
import { Invocation, newRequestId, newTraceId, platformError, type InvocationRequest, type Outcome } from './invocation.js';
import { billedMs, endLine, initReportLine, reportLine, startLine, timeoutLine, type InvocationReport } from './report.js';

/** Lambda's request payload limit for synchronous invocations (6 MB). */
export const MAX_REQUEST_BYTES = 6_291_456;

/** A line of the function's log: platform lines (`START`, `REPORT`...) and the process's output. */
export interface LogRecord {
  type: 'platform' | OutputStream;
  line: string;
  /** The invocation it belongs to (none for init output). */
  requestId: string | undefined;
}

/** Options of {@link LocalFunction}. */
export interface LocalFunctionOptions {
  /** A JS file that calls `start()` (`dist/index.js`), or `file.export` (`dist/index.handler`) run through `tslambda-runtime`. */
  entry: string;
  /** Resolves `entry` (default `process.cwd()`). */
  cwd?: string;
  /** `api` (Runtime API, `provided.al2023`; default) or `go1x` (`_LAMBDA_SERVER_PORT`, net/rpc). */
  protocol?: Protocol;
  /** Function timeout in seconds (default 3, Lambda's; 1-900). */
  timeout?: number;
  /** Memory size in MB (default 128; 128-10240). Reported, not enforced. */
  memorySize?: number;
  /** Function name (default: the entry's directory name, or its package's). */
  name?: string;
  /** `AWS_REGION` (default `us-east-1`). */
  region?: string;
  /** The function's environment variables. */
  environment?: Record<string, string>;
  /** Most instances at once, as Lambda scales with concurrent requests (default 1; 1-64). */
  concurrency?: number;
  /** Invocations waiting for an instance before `TooManyRequestsError` (default 100). */
  maxQueue?: number;
  /** Init timeout in seconds (default 10, Lambda's). */
  initTimeout?: number;
  /** Extra `node` arguments for the function process. */
  nodeArgs?: string[];
  /** Receives every log line as it happens (default: none; `result.logs` has them too). */
  onLog?: (record: LogRecord) => void;
}

/** Per-invocation options. */
export interface InvokeOptions {
  /** Client context (an object is sent as JSON). */
  clientContext?: unknown;
  /** Cognito identity. */
  identity?: { cognitoIdentityId: string; cognitoIdentityPoolId: string };
  /** Trace header (default: a new `Root=1-...`). */
  traceId?: string;
  /** Request id (default: a new UUID). */
  requestId?: string;
  /** Tenant id (`Lambda-Runtime-Aws-Tenant-Id`). */
  tenantId?: string;
}

/** The result of {@link LocalFunction.invoke}, as Lambda's Invoke API gives it. */
export interface InvokeResult {
  requestId: string;
  /** The response, or the error JSON when `functionError` is set. */
  payload: Buffer;
  /** The response's content type (`application/json` unless a streamed response set another). */
  contentType: string;
  /** The function streamed its response. */
  streamed: boolean;
  /** `Unhandled` when the function failed (Lambda's `X-Amz-Function-Error`). */
  functionError: 'Unhandled' | undefined;
  /** The error's `errorType` when `functionError` is set. */
  errorType: string | undefined;
  /** The error JSON when `functionError` is set (for a streamed response that failed midway, from its trailers). */
  errorPayload: Buffer | undefined;
  /** This invocation's log: `START`, the function's output, `END`, `REPORT`. */
  logs: string;
  report: InvocationReport;
}

/** The result of {@link LocalFunction.invokeStream}: the response as it arrives. */
export interface StreamingInvokeResult {
  requestId: string;
  contentType: string;
  streamed: boolean;
  /** False when the invocation failed before the function responded: `body` then carries the error JSON. */
  started: boolean;
  /** The response bytes (the error JSON when the invocation failed before responding). */
  body: Readable;
  /** Settles when the response is complete; `payload` is empty (the bytes went through `body`) unless it failed before responding (then it is the error JSON). */
  result: Promise<InvokeResult>;
}

/**
 * A Lambda function running locally, the way Lambda runs it: each instance
 * is a child process started with Lambda's environment and protocol
 * (Runtime API served in-process, or go1.x over net/rpc); instances stay warm
 * between invocations, are added up to `concurrency`, are restarted when they
 * exit, and are killed when an invocation times out. Logs `START`/`END`/`REPORT`.
 *
 * @example
 * ```ts
 * import { LocalFunction } from '@tslambda/lambda-local';
 * const fn = new LocalFunction({ entry: 'dist/index.js', timeout: 5 });
 * const result = await fn.invoke({ name: 'ƛ' });
 * console.log(result.payload.toString(), result.report.durationMs);
 * await fn.close();
 * ```
 */
export class LocalFunction {
  readonly name: string;
  readonly protocol: Protocol;
  readonly timeoutMs: number;
  readonly memorySize: number;
  readonly region: string;
  readonly arn: string;
  private readonly entry: ResolvedEntry;
  private readonly concurrency: number;
  private readonly maxQueue: number;
  private readonly instances = new Set<Instance>();
  private idle: Instance[] = [];
  private starting = 0;
  private waiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: LocalFunctionOptions) {
    this.entry = resolveEntry(options.entry, options.cwd);
    this.protocol = options.protocol ?? 'api';
    if (this.protocol !== 'api' && this.protocol !== 'go1x') throw new InvalidOptionError(`protocol must be "api" or "go1x", got "${String(this.protocol)}"`);
    const timeout = options.timeout ?? 3;
    if (!(timeout > 0 && timeout <= 900)) throw new InvalidOptionError(`timeout must be between 1 and 900 seconds, got ${timeout}`);
    this.timeoutMs = Math.round(timeout * 1000);
    this.memorySize = options.memorySize ?? 128;
    if (!Number.isInteger(this.memorySize) || this.memorySize < 128 || this.memorySize > 10240) {
      throw new InvalidOptionError(`memorySize must be an integer from 128 to 10240 MB, got ${this.memorySize}`);
    }
    this.concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1 || this.concurrency > 64) {
      throw new InvalidOptionError(`concurrency must be an integer from 1 to 64, got ${this.concurrency}`);
    }
    this.maxQueue = options.maxQueue ?? 100;
    this.name = options.name ?? defaultName(this.entry);
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(this.name)) throw new InvalidOptionError(`function name must be 1-64 letters, digits, - or _, got "${this.name}"`);
    this.region = options.region ?? 'us-east-1';
    this.arn = `arn:aws:lambda:${this.region}:123456789012:function:${this.name}`;
  }

  /** Instances running now. */
  get instanceCount(): number {
    return this.instances.size;
  }

  /** Starts instances ahead of invocations (up to `concurrency`); init failures are left for the first invocation. */
  async warm(count = 1): Promise<void> {
    const n = Math.min(count, this.concurrency) - this.instances.size - this.starting;
    const started: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      started.push(
        this.spawn().then(
          (inst) => this.release(inst),
          () => {},
        ),
      );
    }
    await Promise.all(started);
  }

  /**
   * Invokes the function once (`RequestResponse`); a streamed response is
   * collected. A function failure is a result with `functionError`, not a
   * throw; throws only {@link InvalidPayloadError}, {@link TooManyRequestsError}
   * or {@link ClosedError}.
   */
  async invoke(event?: unknown, options: InvokeOptions = {}): Promise<InvokeResult> {
    const streaming = await this.invokeStream(event, options);
    const chunks: Buffer[] = [];
    for await (const chunk of streaming.body) chunks.push(chunk as Buffer);
    const result = await streaming.result;
    return { ...result, payload: Buffer.concat(chunks) };
  }

  /**
   * Invokes the function and returns as soon as the response starts, with its
   * bytes on `body` (for response streaming). Resolves once the response starts
   * or the invocation fails.
   *
   * @example
   * ```ts
   * const res = await fn.invokeStream({});
   * res.body.pipe(process.stdout);
   * const { functionError } = await res.result;
   * ```
   */
  async invokeStream(event?: unknown, options: InvokeOptions = {}): Promise<StreamingInvokeResult> {
    if (this.closed) throw new ClosedError();
    const payload = encodePayload(event);
    const requestId = options.requestId ?? newRequestId();
    const log: string[] = [];
    const emit = (type: LogRecord['type'], line: string) => {
      log.push(line);
      if (type === 'platform') this.options.onLog?.({ type, line, requestId });
    };

    let acquired: Instance | InitFailure;
    try {
      acquired = await this.acquire();
    } catch (err) {
      if (err instanceof InitFailure) acquired = err;
      else throw err;
    }

    if (acquired instanceof InitFailure) {
      log.push(...acquired.logs);
      emit('platform', initReportLine(acquired.initDurationMs, acquired.status, acquired.error.type));
      emit('platform', startLine(requestId));
      emit('platform', endLine(requestId));
      const report = this.report(requestId, 0, undefined, acquired.initDurationMs, { error: acquired.error, status: 'error' });
      emit('platform', reportLine(report));
      const result = this.result(requestId, acquired.error.payload, 'application/json', false, { error: acquired.error, status: 'error' }, log, report);
      return { requestId, contentType: 'application/json', streamed: false, started: false, body: Readable.from([acquired.error.payload]), result: Promise.resolve(result) };
    }

    const instance = acquired;
    const cold = instance.takePendingLogs();
    const initDurationMs = this.coldStarts.has(instance) ? undefined : instance.initDurationMs;
    this.coldStarts.add(instance);
    log.push(...cold);
    emit('platform', startLine(requestId));
    const now = Date.now();
    const request: InvocationRequest = {
      requestId,
      payload,
      deadlineMs: now + this.timeoutMs,
      invokedFunctionArn: this.arn,
      traceId: options.traceId ?? newTraceId(now),
      clientContext: options.clientContext === undefined ? undefined : typeof options.clientContext === 'string' ? options.clientContext : JSON.stringify(options.clientContext),
      identity: options.identity,
      tenantId: options.tenantId,
    };
    const inv = new Invocation(request);
    const run = this.runOn(instance, inv);
    const result = run.then((r) => {
      log.push(...r.logs);
      if (r.outcome.status === 'timeout') emit('platform', timeoutLine(requestId, this.timeoutMs));
      emit('platform', endLine(requestId));
      const report = this.report(requestId, r.durationMs, r.maxMemoryUsedMB, initDurationMs, r.outcome);
      emit('platform', reportLine(report));
      const errorBody = r.outcome.error && !inv.isStarted ? r.outcome.error.payload : Buffer.alloc(0);
      return this.result(requestId, errorBody, 'application/json', false, r.outcome, log, report);
    });
    const head = await inv.head;
    if (head === undefined) {
      const r = await result;
      return { requestId, contentType: 'application/json', streamed: false, started: false, body: Readable.from([r.payload]), result: Promise.resolve(r) };
    }
    return {
      requestId,
      contentType: head.contentType,
      streamed: head.streamed,
      started: true,
      body: inv.body,
      result: result.then((r) => ({ ...r, contentType: head.contentType, streamed: head.streamed })),
    };
  }

  /** Stops every instance (SIGTERM, then SIGKILL after 500 ms). Further invocations throw {@link ClosedError}. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w();
    await Promise.all([...this.instances].map((i) => i.stop()));
    this.instances.clear();
    this.idle = [];
  }

  private readonly coldStarts = new WeakSet<Instance>();

  private report(requestId: string, durationMs: number, maxMemoryUsedMB: number | undefined, initDurationMs: number | undefined, outcome: Outcome): InvocationReport {
    return {
      requestId,
      durationMs,
      billedDurationMs: billedMs(durationMs, initDurationMs),
      memorySizeMB: this.memorySize,
      maxMemoryUsedMB,
      initDurationMs,
      status: outcome.status,
      errorType: outcome.error?.type,
    };
  }

  private result(requestId: string, payload: Buffer, contentType: string, streamed: boolean, outcome: Outcome, log: string[], report: InvocationReport): InvokeResult {
    return {
      requestId,
      payload,
      contentType,
      streamed,
      functionError: outcome.error ? 'Unhandled' : undefined,
      errorType: outcome.error?.type,
      errorPayload: outcome.error?.payload,
      logs: log.join('\n') + '\n',
      report,
    };
  }

  /** Runs `inv`, moving it to another instance when the first one died before taking it. */
  private async runOn(first: Instance, inv: Invocation): Promise<RunReport> {
    let instance = first;
    for (;;) {
      const report = await instance.run(inv, this.timeoutMs).finally(() => this.release(instance));
      if (report) return report;
      try {
        instance = await this.acquire();
      } catch (err) {
        const error = err instanceof InitFailure ? err.error : platformError('Runtime.Unknown', String((err as Error)?.message ?? err));
        inv.fail(error);
        return { outcome: await inv.done, durationMs: 0, maxMemoryUsedMB: undefined, logs: err instanceof InitFailure ? err.logs : [] };
      }
    }
  }

  private async acquire(): Promise<Instance> {
    for (;;) {
      if (this.closed) throw new ClosedError();
      while (this.idle.length > 0) {
        const inst = this.idle.pop()!;
        if (inst.alive) return inst;
      }
      if (this.instances.size + this.starting < this.concurrency) return this.spawn();
      if (this.waiters.length >= this.maxQueue) throw new TooManyRequestsError();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private async spawn(): Promise<Instance> {
    this.starting++;
    try {
      const inst = await Instance.start({
        protocol: this.protocol,
        entry: this.entry,
        functionName: this.name,
        memorySize: this.memorySize,
        region: this.region,
        environment: this.options.environment ?? {},
        initTimeoutMs: Math.round((this.options.initTimeout ?? 10) * 1000),
        nodeArgs: this.options.nodeArgs ?? [],
        onOutput: (line, stream, requestId) => this.options.onLog?.({ type: stream, line, requestId }),
      });
      this.instances.add(inst);
      inst.onExit(() => {
        this.instances.delete(inst);
        this.idle = this.idle.filter((i) => i !== inst);
        this.wake();
      });
      if (this.closed) {
        void inst.stop();
        throw new ClosedError();
      }
      return inst;
    } finally {
      this.starting--;
      this.wake();
    }
  }

  private release(inst: Instance): void {
    if (inst.alive && !this.closed) this.idle.push(inst);
    this.wake();
  }

  private wake(): void {
    this.waiters.shift()?.();
  }
}

function defaultName(entry: ResolvedEntry): string {
  let dir = entry.taskRoot;
  if (['dist', 'build', 'lib', 'out'].includes(path.basename(dir))) dir = path.dirname(dir);
  const name = path.basename(dir).replace(/[^a-zA-Z0-9_-]/g, '-').slice(0, 64);
  return name || 'function';
}

/** JSON-encodes an event; a `Uint8Array` is sent as it is (empty means `{}`), after checking it is JSON. */
export function encodePayload(event: unknown): Buffer {
  let bytes: Buffer;
  if (event === undefined) bytes = Buffer.from('{}');
  else if (event instanceof Uint8Array) {
    bytes = Buffer.from(event);
    if (bytes.length === 0) bytes = Buffer.from('{}');
    try {
      JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      throw new InvalidPayloadError(`Could not parse request body into json: ${(err as Error).message}`, 'InvalidRequestContentException');
    }
  } else {
    const text = JSON.stringify(event);
    if (text === undefined) throw new InvalidPayloadError('the event is not JSON-serializable', 'InvalidRequestContentException');
    bytes = Buffer.from(text, 'utf8');
  }
  if (bytes.length > MAX_REQUEST_BYTES) {
    throw new InvalidPayloadError(`${bytes.length} byte payload is too large for the RequestResponse invocation type (${MAX_REQUEST_BYTES} byte maximum)`, 'RequestTooLargeException');
  }
  return bytes;
}

