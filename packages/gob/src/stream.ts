import { Decoder, type DecodedAny, type DecoderOptions } from './decode.js';
import { GobError } from './errors.js';
import type { Infer } from './infer.js';
import type { Schema } from './schema.js';

/**
 * Returned by {@link StreamDecoder} methods at the clean end of the stream
 * (the input ended between two values). An input that ends inside a value
 * rejects with a `GobDecodeError` (`ERR_GOB_TRUNCATED`) instead.
 */
export const EOF: unique symbol = Symbol.for('@tslambda/gob.EOF');
/** The type of {@link EOF}. */
export type EOF = typeof EOF;

/** A source of byte chunks: any async iterable (Node `Readable`, web `ReadableStream` in Node) or a web `ReadableStream`. */
export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

function iteratorOf(source: ByteSource): AsyncIterator<Uint8Array> {
  if (typeof (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    return (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  return {
    next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
    return: async () => {
      await reader.cancel();
      return { done: true, value: undefined };
    },
  };
}

/**
 * Reads gob values from an async byte source, for example a Node socket or
 * a `fetch` response body. Methods resolve to the value, or to {@link EOF}
 * at a clean end of input; they reject with `GobDecodeError` on bad or
 * truncated input. Call one method at a time.
 *
 * @example
 * ```ts
 * import { StreamDecoder, EOF } from '@tslambda/gob';
 * const r = new StreamDecoder(socket);
 * for (;;) {
 *   const header = await r.decode(Request);
 *   if (header === EOF) break;
 *   const body = await r.decode(InvokeRequest);
 * }
 * ```
 */
export class StreamDecoder {
  /** The underlying push decoder (for `wireType()` or `buffered`). */
  readonly decoder: Decoder;
  private readonly it: AsyncIterator<Uint8Array>;
  private done = false;
  private busy = false;

  constructor(source: ByteSource, options?: DecoderOptions) {
    this.decoder = new Decoder(options);
    this.it = iteratorOf(source);
  }

  /** The next value decoded into `schema`, or {@link EOF}. */
  decode<S extends Schema<unknown>>(schema: S): Promise<Infer<S> | EOF> {
    return this.pull(() => {
      const r = this.decoder.tryDecode(schema);
      return r ? r.value : undefined;
    }) as Promise<Infer<S> | EOF>;
  }

  /** Discards the next value (Go's `Decode(nil)`). Resolves `true`, or `false` at a clean end. */
  async skip(): Promise<boolean> {
    const r = await this.pull(() => (this.decoder.trySkip() ? true : undefined));
    return r !== EOF;
  }

  /** The next value without a schema, with its wire type, or {@link EOF}. */
  decodeAny(): Promise<DecodedAny | EOF> {
    return this.pull(() => this.decoder.tryDecodeAny()) as Promise<DecodedAny | EOF>;
  }

  /** Yields every value until the clean end of input. */
  async *values<S extends Schema<unknown>>(schema: S): AsyncGenerator<Infer<S>, void, undefined> {
    for (;;) {
      const v = await this.decode(schema);
      if (v === EOF) return;
      yield v as Infer<S>;
    }
  }

  /** Stops reading and releases the source. */
  async close(): Promise<void> {
    this.done = true;
    await this.it.return?.();
  }

  private async pull(attempt: () => unknown): Promise<unknown> {
    if (this.busy) throw new GobError('gob: StreamDecoder methods must not overlap', 'ERR_GOB_SCHEMA');
    this.busy = true;
    try {
      for (;;) {
        const v = attempt();
        if (v !== undefined) return v;
        if (this.done) return EOF;
        const r = await this.it.next();
        if (r.done) {
          this.done = true;
          this.decoder.end();
          continue;
        }
        const chunk = r.value as unknown;
        if (!(chunk instanceof Uint8Array)) {
          throw new GobError('gob: the stream must yield Uint8Array chunks (no string encoding)', 'ERR_GOB_SCHEMA');
        }
        this.decoder.push(chunk);
      }
    } finally {
      this.busy = false;
    }
  }
}
