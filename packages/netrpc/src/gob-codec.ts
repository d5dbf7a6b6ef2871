import { Decoder, Encoder, GobError, t, type Schema } from '@tslambda/gob';
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
    request: t.struct('Request', { ServiceMethod: t.string(), Seq: t.uint64() }),
    response: t.struct('Response', { ServiceMethod: t.string(), Seq: t.uint64(), Error: t.string() }),
    invalidRequest: t.struct('', {}),
  };
  return wire;
}

function gobSchema(type: BodyType): Schema {
  if (isJsonType(type)) throw new BodyError('gob: this method has a JSON body type; the gob codec needs a gob schema');
  return type;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function protocolError(err: unknown): ProtocolError {
  if (err instanceof ProtocolError) return err;
  const e = err as Error;
  const code = e instanceof GobError && /limit|too (large|big)/i.test(e.message) ? 'ERR_NETRPC_LIMIT' : 'ERR_NETRPC_PROTOCOL';
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

  /** A body: a value that does not fit `schema` is a `BodyError` (the message is consumed). */
  body(type: BodyType): Body | undefined {
    const schema = gobSchema(type);
    let r: { value: unknown } | undefined;
    try {
      r = this.dec.tryDecode(schema);
    } catch (err) {
      throw new BodyError((err as Error).message, { cause: err });
    }
    if (r) return r;
    if (this.ended) {
      this.finish();
      throw new ProtocolError('unexpected EOF');
    }
    return undefined;
  }

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
   * Share one gob type-id space among all connections made by this codec, as a Go process does
   * (ids then stay stable across connections). Default: each connection numbers its types from 65,
   * like a fresh Go process.
   */
  sharedTypeIds?: boolean;
}

class GobServerCodec implements ServerCodec {
  private readonly reader: GobReader;

  constructor(
    limits: CodecLimits,
    private readonly enc: Encoder,
  ) {
    this.reader = new GobReader(limits);
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

  writeResponse(header: ResponseHeader, body: unknown, type: BodyType | undefined): Uint8Array {
    const w = schemas();
    const bodySchema = type === undefined ? w.invalidRequest : gobSchema(type);
    const head = this.enc.encode(w.response, { ServiceMethod: header.serviceMethod, Seq: header.seq, Error: header.error });
    let tail: Uint8Array;
    try {
      tail = this.enc.encode(bodySchema, type === undefined ? {} : body);
    } catch (err) {
      // The header is already in the encoder's stream: the connection cannot go on.
      throw new ProtocolError(`gob: cannot encode reply: ${(err as Error).message}`, 'ERR_NETRPC_PROTOCOL', { cause: err });
    }
    return concat(head, tail);
  }
}

class GobClientCodec implements ClientCodec {
  private readonly reader: GobReader;

  constructor(
    limits: CodecLimits,
    private readonly enc: Encoder,
  ) {
    this.reader = new GobReader(limits);
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  end(): void {
    this.reader.end();
  }

  writeRequest(header: RequestHeader, body: unknown, type: BodyType): Uint8Array {
    const schema = gobSchema(type);
    const head = this.enc.encode(schemas().request, { ServiceMethod: header.serviceMethod, Seq: header.seq });
    let tail: Uint8Array;
    try {
      tail = this.enc.encode(schema, body);
    } catch (err) {
      throw new ProtocolError(`gob: cannot encode request: ${(err as Error).message}`, 'ERR_NETRPC_PROTOCOL', { cause: err });
    }
    return concat(head, tail);
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
 * const server = new Server({ codec: gobCodec({ sharedTypeIds: true }) });
 * ```
 */
export function gobCodec(options: GobCodecOptions = {}): Codec {
  let shared: Encoder | undefined;
  const encoder = (): Encoder => {
    if (!options.sharedTypeIds) return new Encoder();
    shared ??= new Encoder();
    return shared;
  };
  return {
    name: 'gob',
    server: (limits) => new GobServerCodec(limits, encoder()),
    client: (limits) => new GobClientCodec(limits, encoder()),
  };
}
