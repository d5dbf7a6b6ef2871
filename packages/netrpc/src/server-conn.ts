import type { Duplex } from 'node:stream';
import type { RequestHeader, ServerCodec } from './codec.js';
import { BodyError, ShutdownError } from './errors.js';
import type { CallContext, Method } from './service.js';

/** Looks up `"Service.Method"`; returns the method or Go's error text. */
export type MethodLookup = (serviceMethod: string) => Method | string;

/** Per-connection limits. */
export interface ConnLimits {
  maxInFlight: number;
  maxWriteBuffer: number;
}

type Handler = (args: unknown, ctx: CallContext) => unknown;

/** A call being run; its `AbortSignal` is only made if the method asks for it. */
class RunningCall implements CallContext {
  private ac: AbortController | undefined;
  private reason: unknown;
  private aborted = false;

  constructor(
    readonly serviceMethod: string,
    readonly seq: number,
    readonly remoteAddress: string | undefined,
  ) {}

  get signal(): AbortSignal {
    if (!this.ac) {
      this.ac = new AbortController();
      if (this.aborted) this.ac.abort(this.reason);
    }
    return this.ac.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.ac?.abort(reason);
  }
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name || 'error';
  const s = String(err);
  return s === '' ? 'error' : s;
}

/**
 * Serves one connection, as Go's `Server.ServeCodec`: reads a header then its body, runs calls
 * concurrently, writes each reply when it is ready. Reading pauses while `maxInFlight` calls run
 * or while more than `maxWriteBuffer` bytes wait to be sent.
 */
export class ServerConn {
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private pendingReq: { header: RequestHeader; method: Method | undefined; error: string } | undefined;
  private inFlight = 0;
  private reading = true;
  private inputEnded = false;
  private finished = false;
  private closed = false;
  private corked = false;
  private writeBlocked = false;
  private pumping = false;
  private readonly calls = new Set<RunningCall>();
  private readonly remoteAddress: string | undefined;
  /** False once a body was handed to a method without `transientArgs`: its views may live on. */
  private releasable = true;

  constructor(
    private readonly stream: Duplex,
    private readonly codec: ServerCodec,
    private readonly lookup: MethodLookup,
    private readonly limits: ConnLimits,
  ) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.remoteAddress = (stream as { remoteAddress?: string }).remoteAddress;
  }

  /** Starts serving; `initial` holds bytes already read from the stream (e.g. after a CONNECT head). */
  start(initial?: Uint8Array): void {
    const s = this.stream;
    s.on('data', this.onData);
    s.on('end', this.onEnd);
    s.on('error', this.onError);
    s.on('close', this.onClose);
    if (s.destroyed) {
      this.onClose();
      return;
    }
    if (initial && initial.length > 0) this.codec.push(initial);
    this.pump();
    if (this.reading && !this.isBlocked()) s.resume();
  }

  /** Graceful stop: read no more calls, finish the ones running, then close. */
  drain(): void {
    if (!this.reading && this.finished) return;
    this.stopReading();
    this.maybeFinish();
  }

  /** Hard stop: abort running calls and destroy the stream. */
  destroy(reason: unknown): void {
    this.abortCalls(reason);
    this.stream.destroy();
  }

  private readonly onData = (chunk: Buffer) => {
    if (!this.reading) return;
    try {
      this.codec.push(chunk);
    } catch {
      this.stopReading();
      this.maybeFinish();
      return;
    }
    this.pump();
  };

  private readonly onEnd = () => {
    this.inputEnded = true;
    if (this.reading) {
      this.codec.end();
      // Requests still buffered are served as the limits allow; reading stops after the last one.
      this.pump();
    }
    this.maybeFinish();
  };

  private readonly onError = () => {
    // The 'close' event follows; running calls see their signal abort there.
  };

  private readonly onClose = () => {
    if (this.closed) return;
    this.closed = true;
    this.reading = false;
    this.abortCalls(new ShutdownError('rpc: connection closed'));
    this.resolveDone();
  };

  private isBlocked(): boolean {
    return this.inFlight >= this.limits.maxInFlight || this.writeBlocked;
  }

  private stopReading(): void {
    this.reading = false;
    this.pendingReq = undefined;
    this.stream.pause();
  }

  /** Reads and dispatches every complete request buffered, as far as the limits allow. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      this.pumpLoop();
    } finally {
      this.pumping = false;
    }
  }

  private pumpLoop(): void {
    const codec = this.codec;
    try {
      while (this.reading) {
        if (this.isBlocked()) {
          this.stream.pause();
          return;
        }
        let req = this.pendingReq;
        if (!req) {
          const header = codec.readRequestHeader();
          if (!header) break;
          const found = this.lookup(header.serviceMethod);
          req = typeof found === 'string' ? { header, method: undefined, error: found } : { header, method: found, error: '' };
          this.pendingReq = req;
        }
        if (!req.method) {
          if (!codec.discardRequestBody()) break;
          this.pendingReq = undefined;
          this.sendError(req.header, req.error);
          continue;
        }
        let body;
        try {
          body = codec.readRequestBody(req.method.args);
        } catch (err) {
          if (!(err instanceof BodyError)) throw err;
          this.pendingReq = undefined;
          this.sendError(req.header, err.message);
          continue;
        }
        if (!body) break;
        this.pendingReq = undefined;
        this.dispatch(req.header, req.method, body.value);
      }
      if (this.inputEnded && this.reading) this.stopReading();
    } catch {
      // A broken stream: like Go, stop reading, let running calls answer, then close.
      this.stopReading();
      this.maybeFinish();
    }
  }

  private dispatch(header: RequestHeader, method: Method, args: unknown): void {
    this.inFlight++;
    const call = new RunningCall(header.serviceMethod, header.seq, this.remoteAddress);
    this.calls.add(call);
    if (method.transientArgs !== true) this.releasable = false;
    let result: unknown;
    try {
      result = (method.handler as Handler)(args, call);
      if (this.releasable) this.codec.releaseBodies?.();
    } catch (err) {
      this.complete(call, header, method, undefined, errorText(err));
      return;
    }
    if (!isThenable(result)) {
      this.complete(call, header, method, result, undefined);
      return;
    }
    result.then(
      (reply) => this.complete(call, header, method, reply, undefined),
      (err: unknown) => this.complete(call, header, method, undefined, errorText(err)),
    );
  }

  private complete(call: RunningCall, header: RequestHeader, method: Method, reply: unknown, error: string | undefined): void {
    this.calls.delete(call);
    this.inFlight--;
    if (error === undefined) this.sendReply(header, method, reply);
    else this.sendError(header, error);
    // A synchronous call completes inside pump(), which goes on by itself.
    if (this.reading && !this.pumping && !this.isBlocked()) {
      this.pump();
      if (this.reading && !this.isBlocked() && !this.inputEnded) this.stream.resume();
    }
    this.maybeFinish();
  }

  private sendReply(header: RequestHeader, method: Method, reply: unknown): void {
    const written = method.onReplyWritten;
    const done = written ? () => written(reply) : undefined;
    if (this.closed) {
      done?.();
      return;
    }
    const codec = this.codec;
    let bytes: Uint8Array | readonly Uint8Array[];
    try {
      const head = { serviceMethod: header.serviceMethod, seq: header.seq, error: '' };
      bytes = codec.writeResponseParts
        ? codec.writeResponseParts(head, reply, method.reply, done !== undefined)
        : codec.writeResponse(head, reply, method.reply);
    } catch (err) {
      done?.();
      if (err instanceof BodyError) {
        this.sendError(header, `rpc: cannot encode reply: ${err.message}`);
        return;
      }
      this.fail(err);
      return;
    }
    if (bytes instanceof Uint8Array) this.write(bytes, done);
    else {
      const last = bytes.length - 1;
      for (let i = 0; i <= last; i++) this.write(bytes[i]!, i === last ? done : undefined);
      if (last < 0) done?.();
    }
  }

  private sendError(header: RequestHeader, error: string): void {
    if (this.closed) return;
    let bytes: Uint8Array;
    try {
      bytes = this.codec.writeResponse({ serviceMethod: header.serviceMethod, seq: header.seq, error }, undefined, undefined);
    } catch (err) {
      this.fail(err);
      return;
    }
    this.write(bytes);
  }

  /** The codec cannot go on: close the connection (Go closes it when a response fails to encode). */
  private fail(err: unknown): void {
    this.reading = false;
    this.abortCalls(err);
    this.stream.destroy();
  }

  /** Queues `bytes`; `done` runs once they are written, or once they never will be. */
  private write(bytes: Uint8Array, done?: () => void): void {
    const s = this.stream;
    if (s.destroyed || s.writableEnded) {
      done?.();
      return;
    }
    if (!this.corked) {
      this.corked = true;
      s.cork();
      process.nextTick(this.uncork);
    }
    if (done) s.write(bytes, () => done());
    else s.write(bytes);
    if (!this.writeBlocked && s.writableLength > this.limits.maxWriteBuffer) {
      this.writeBlocked = true;
      s.pause();
      s.once('drain', this.onDrain);
    }
  }

  private readonly uncork = () => {
    this.corked = false;
    this.stream.uncork();
  };

  private readonly onDrain = () => {
    this.writeBlocked = false;
    if (this.reading && !this.isBlocked()) {
      this.pump();
      if (this.reading && !this.isBlocked() && !this.inputEnded) this.stream.resume();
    }
    this.maybeFinish();
  };

  private maybeFinish(): void {
    if (this.reading || this.inFlight > 0 || this.finished) return;
    this.finished = true;
    const s = this.stream;
    if (s.destroyed) return;
    // Like Go's codec.Close after the last reply: flush, then close both directions.
    s.end(() => s.destroy());
  }

  private abortCalls(reason: unknown): void {
    for (const call of this.calls) call.abort(reason);
    this.calls.clear();
  }
}
