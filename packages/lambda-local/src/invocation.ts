import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';

/** What a function process receives for one invocation. */
export interface InvocationRequest {
  requestId: string;
  payload: Buffer;
  /** Epoch ms. */
  deadlineMs: number;
  invokedFunctionArn: string;
  traceId: string;
  /** Client context as JSON text. */
  clientContext?: string;
  identity?: { cognitoIdentityId: string; cognitoIdentityPoolId: string };
  tenantId?: string;
}

/** A function error as Lambda returns it: the JSON payload and its type. */
export interface FunctionError {
  /** The error JSON (`{"errorType", "errorMessage", ...}`). */
  payload: Buffer;
  /** `errorType` (`Runtime.ExitError`, `Sandbox.Timedout`, the handler's error name...). */
  type: string;
}

/** How an invocation ended. */
export interface Outcome {
  error?: FunctionError;
  /** `timeout` and `error` go into the REPORT line as `Status:`. */
  status?: 'timeout' | 'error';
}

/** The start of a response: its content type and whether it is streamed. */
export interface ResponseHead {
  contentType: string;
  streamed: boolean;
}

/**
 * One invocation in flight between the emulator and a function process:
 * the response arrives on `body` (all at once, or chunk by chunk when
 * streamed); `head` resolves when it starts (`undefined` when the
 * invocation failed first); `done` when it is complete.
 */
export class Invocation {
  readonly body = new PassThrough();
  readonly head: Promise<ResponseHead | undefined>;
  readonly done: Promise<Outcome>;
  private resolveHead!: (head: ResponseHead | undefined) => void;
  private resolveDone!: (outcome: Outcome) => void;
  private started = false;
  private finished = false;

  constructor(readonly request: InvocationRequest) {
    this.head = new Promise((resolve) => (this.resolveHead = resolve));
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  get isFinished(): boolean {
    return this.finished;
  }

  get isStarted(): boolean {
    return this.started;
  }

  /** The response starts. */
  begin(head: ResponseHead): void {
    if (this.started || this.finished) return;
    this.started = true;
    this.resolveHead(head);
  }

  /** The whole (buffered) response. */
  respond(payload: Buffer, contentType = 'application/json'): void {
    if (this.finished) return;
    this.begin({ contentType, streamed: false });
    this.body.end(payload);
    this.finish({});
  }

  /** A streamed response ended (with an error when the function reported one in trailers). */
  endStream(error?: FunctionError): void {
    if (this.finished) return;
    this.body.end();
    this.finish(error ? { error, status: 'error' } : {});
  }

  /** The invocation failed; `status` says how. */
  fail(error: FunctionError, status: Outcome['status'] = 'error'): void {
    if (this.finished) return;
    if (!this.started) this.resolveHead(undefined);
    this.body.end();
    this.finish({ error, status });
  }

  private finish(outcome: Outcome): void {
    this.finished = true;
    this.resolveDone(outcome);
  }
}

/** Lambda's error JSON for failures the platform detects. */
export function platformError(type: string, message: string): FunctionError {
  return { type, payload: Buffer.from(JSON.stringify({ errorType: type, errorMessage: message })) };
}

/** A new request id (a UUID, like Lambda's). */
export function newRequestId(): string {
  return randomUUID();
}

/** An X-Ray trace header like Lambda's: `Root=1-<epoch hex>-<24 hex>;Parent=<16 hex>;Sampled=0`. */
export function newTraceId(now = Date.now()): string {
  const epoch = Math.floor(now / 1000).toString(16).padStart(8, '0');
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}
