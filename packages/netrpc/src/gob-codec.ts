import { Decoder, Encoder, GobError, t, type IdSpace, type Schema } from '@tslambda/gob';
import { isJsonType, type BodyType } from './body.js';
import type { Body, ClientCodec, Codec, CodecLimits, RequestHeader, ResponseHeader, ServerCodec } from './codec.js';
import { BodyError, ProtocolError } from './errors.js';

interface Wire {
  request: Schema;
  response: Schema;
  invalidRequest: Schema;
}

let wire: Wire | undefined;

/** Go's `rpc.Request`, `rpc.Response` and the `struct{}{}` body of error replies. */
function schemas(): Wire {
  wire ??= {
    request: t.struct('Request', { ServiceMethod: t.string(), Seq: t.uint64() }, { pkg: 'rpc' }),
    response: t.struct('Response', { ServiceMethod: t.string(), Seq: t.uint64(), Error: t.string() }, { pkg: 'rpc' }),
    invalidRequest: t.struct('', {}),
  };
  return wire;
}

function gobSchema(type: BodyType): Schema {
  if (isJsonType(type)) throw new BodyError('gob: this method has a JSON body type; the gob codec needs a gob schema');
  return type;
}

/** Replies whose body is smaller than this are joined to their header (one write). */
const JOIN_MAX = 16 * 1024;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Runs of adjacent pieces smaller than {@link JOIN_MAX} joined into one (fewer, larger writes). */
function joinSmall(parts: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let run: Uint8Array[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0]!);
    else if (run.length > 1) out.push(Buffer.concat(run));
    run = [];
  };
  for (const p of parts) {
    if (p.length < JOIN_MAX) run.push(p);
    else {
      flush();
      out.push(p);
    }
  }
  flush();
  return out;
}

/** The error text Go would send: gob's message without the byte offset this decoder adds. */
function goText(err: unknown): string {
  return (err as Error).message.replace(/ \(at byte \d+\)$/, '');
}

function protocolError(err: unknown): ProtocolError {
  if (err instanceof ProtocolError) return err;
  const e = err as Error;
  const code = e instanceof GobError && e.code === 'ERR_GOB_LIMIT' ? 'ERR_NETRPC_LIMIT' : 'ERR_NETRPC_PROTOCOL';
  return new ProtocolError(e.message, code, { cause: err });
}

/** Reads one gob stream, tracking whether the input has ended. */
class GobReader {
  readonly dec: Decoder;
  private ended = false;

  constructor(limits: CodecLimits) {
    this.dec = new Decoder({ maxMessageSize: limits.maxMessageSize });
  }

  push(chunk: Uint8Array): void {
    this.dec.push(chunk);
  }

  end(): void {
    this.ended = true;
  }

  /** A header: any error breaks the stream. */
  header(schema: Schema): Record<string, unknown> | undefined {
    let r: { value: unknown } | undefined;
    try {
      r = this.dec.tryDecode(schema);
    } catch (err) {
      throw protocolError(err);
    }
    if (r) return r.value as Record<string, unknown>;
    if (this.ended) this.finish();
    return undefined;
  }

  /**
   * A body: a value that does not fit `schema` is a `BodyError` (the decoder drops the message and
   * the stream goes on, like Go); a framing error breaks the stream.
   */
  body(type: BodyType): Body | undefined {
    const schema = gobSchema(type);
    let r: { value: unknown } | undefined;
    try {
      r = this.dec.tryDecode(schema);
    } catch (err) {
      if (this.isBroken()) throw protocolError(err);
      throw new BodyError(goText(err), { cause: err });
    }
    if (r) return r;
    if (this.ended) {
      this.finish();
      throw new ProtocolError('unexpected EOF');
    }
    return undefined;
  }

  /** Reads and drops the next value (Go's `Decode(nil)`). */
  skip(): boolean {
    let done: boolean;
    try {
      done = this.dec.trySkip();
    } catch (err) {
      throw protocolError(err);
    }
    if (!done && this.ended) {
      this.finish();
      throw new ProtocolError('unexpected EOF');
    }
    return done;
  }

  /** True once the decoder refuses all further input (a framing error); `push` then rethrows it. */
  private isBroken(): boolean {
    return this.dec.broken !== undefined;
  }

  /** At the end of input: a clean end, or an error when a message is cut short. */
  private finish(): void {
    try {
      this.dec.end();
    } catch (err) {
      throw protocolError(err);
    }
  }
}

/** Options of {@link gobCodec}. */
export interface GobCodecOptions {
  /**
   * The gob type-id space of every connection's encoder. Share one `IdSpace` to number types as
   * one Go process does (ids stay stable across connections, and a client and a server in one
   * process continue each other's numbering). Default: each connection numbers its types from 65,
   * like a fresh Go process.
   */
  ids?: IdSpace;
}

/**
 * Encodes a header and its body on one stream so that a body that does not fit its schema changes
 * nothing: the caller gets a `BodyError` and may send something else. Once the header type has
 * been sent, encoding the body first gives the same bytes (the header allocates no type ids).
 * Before that, the body is tried on a scratch encoder first.
 */
class PairEncoder {
  private headerSent = false;

  constructor(private readonly enc: Encoder) {}

  encode(headerSchema: Schema, header: unknown, bodySchema: Schema, body: unknown): Uint8Array {
    const [head, tail] = this.encodeParts(headerSchema, header, bodySchema, body);
    return concat(head, tail);
  }

  /** The header's bytes and the body's, to send in this order. */
  encodeParts(headerSchema: Schema, header: unknown, bodySchema: Schema, body: unknown): [Uint8Array, Uint8Array] {
    if (this.headerSent) {
      const tail = this.tryBody(this.enc, bodySchema, body);
      return [this.enc.encode(headerSchema, header as never), tail];
    }
    this.tryBody(new Encoder(), bodySchema, body);
    const head = this.enc.encode(headerSchema, header as never);
    this.headerSent = true;
    return [head, this.enc.encode(bodySchema, body as never)];
  }

  /** The header's bytes, then the body's as chunks whose large byte slices are the body's own (`encodev`). */
  encodeBorrowed(headerSchema: Schema, header: unknown, bodySchema: Schema, body: unknown): Uint8Array[] {
    if (this.headerSent) {
      let tail: Uint8Array[];
      try {
        tail = this.enc.encodev(bodySchema, body as never);
      } catch (err) {
        throw new BodyError((err as Error).message, { cause: err });
      }
      return [this.enc.encode(headerSchema, header as never), ...tail];
    }
    return [...this.encodeParts(headerSchema, header, bodySchema, body)];
  }

  private tryBody(enc: Encoder, schema: Schema, body: unknown): Uint8Array {
    try {
      return enc.encode(schema, body as never);
    } catch (err) {
      throw new BodyError((err as Error).message, { cause: err });
    }
  }
}

class GobServerCodec implements ServerCodec {
  private readonly reader: GobReader;
  private readonly enc: PairEncoder;

  constructor(limits: CodecLimits, ids: IdSpace | undefined) {
    this.reader = new GobReader(limits);
    this.enc = new PairEncoder(new Encoder(ids ? { ids } : {}));
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  end(): void {
    this.reader.end();
  }

  readRequestHeader(): RequestHeader | undefined {
    const v = this.reader.header(schemas().request);
    if (!v) return undefined;
    return { serviceMethod: v.ServiceMethod as string, seq: v.Seq as number };
  }

  readRequestBody(type: BodyType): Body | undefined {
    return this.reader.body(type);
  }

  discardRequestBody(): boolean {
    return this.reader.skip();
  }

  releaseBodies(): void {
    this.reader.dec.release();
  }

  writeResponse(header: ResponseHeader, body: unknown, type: BodyType | undefined): Uint8Array {
    const w = schemas();
    const head = { ServiceMethod: header.serviceMethod, Seq: header.seq, Error: header.error };
    if (type === undefined) return this.enc.encode(w.response, head, w.invalidRequest, {});
    return this.enc.encode(w.response, head, gobSchema(type), body);
  }

  writeResponseParts(header: ResponseHeader, body: unknown, type: BodyType | undefined, borrow = false): readonly Uint8Array[] {
    const w = schemas();
    const head = { ServiceMethod: header.serviceMethod, Seq: header.seq, Error: header.error };
    if (borrow && type !== undefined) return joinSmall(this.enc.encodeBorrowed(w.response, head, gobSchema(type), body));
    const parts = type === undefined
      ? this.enc.encodeParts(w.response, head, w.invalidRequest, {})
      : this.enc.encodeParts(w.response, head, gobSchema(type), body);
    // One write is cheaper than two for small replies; large bodies are not copied again.
    return parts[1].length < JOIN_MAX ? [concat(parts[0], parts[1])] : parts;
  }
}

class GobClientCodec implements ClientCodec {
  private readonly reader: GobReader;
  private readonly enc: PairEncoder;

  constructor(limits: CodecLimits, ids: IdSpace | undefined) {
    this.reader = new GobReader(limits);
    this.enc = new PairEncoder(new Encoder(ids ? { ids } : {}));
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  end(): void {
    this.reader.end();
  }

  writeRequest(header: RequestHeader, body: unknown, type: BodyType): Uint8Array {
    const head = { ServiceMethod: header.serviceMethod, Seq: header.seq };
    return this.enc.encode(schemas().request, head, gobSchema(type), body);
  }

  readResponseHeader(): ResponseHeader | undefined {
    const v = this.reader.header(schemas().response);
    if (!v) return undefined;
    return { serviceMethod: v.ServiceMethod as string, seq: v.Seq as number, error: v.Error as string };
  }

  readResponseBody(type: BodyType): Body | undefined {
    return this.reader.body(type);
  }

  discardResponseBody(): boolean {
    return this.reader.skip();
  }
}

/**
 * Go's default `net/rpc` codec: one gob stream per direction, each message a header
 * (`rpc.Request` / `rpc.Response`) then the body. Bodies are typed with `@tslambda/gob` schemas.
 *
 * @example
 * ```ts
 * const server = new Server({ codec: gobCodec({ ids: new IdSpace() }) });
 * ```
 */
export function gobCodec(options: GobCodecOptions = {}): Codec {
  return {
    name: 'gob',
    server: (limits) => new GobServerCodec(limits, options.ids),
    client: (limits) => new GobClientCodec(limits, options.ids),
  };
}
