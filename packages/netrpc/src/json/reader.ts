import { ByteQueue } from '../byte-queue.js';
import { ProtocolError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** Go's encoding/json refuses values nested deeper than this. */
const MAX_DEPTH = 10000;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * Splits a byte stream into top-level JSON values, the way Go's `json.Decoder` reads one value per
 * `Decode`: values may follow each other with or without whitespace. Only the structure is checked
 * here; the text of each value is parsed by the caller.
 */
export class JsonReader {
  private readonly q = new ByteQueue();
  private ended = false;
  private pos = 0;
  private began = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;

  constructor(private readonly maxSize: number) {}

  push(chunk: Uint8Array): void {
    this.q.push(chunk);
  }

  end(): void {
    this.ended = true;
  }

  /** Bytes buffered, read or not. */
  get buffered(): number {
    return this.q.length;
  }

  /**
   * The text of the next complete value; `undefined` when more bytes are needed or, after `end()`,
   * when the input ended cleanly. Throws a `ProtocolError` on a broken stream.
   */
  next(): string | undefined {
    const q = this.q;
    if (!this.began) {
      let i = 0;
      while (i < q.length && isSpace(q.at(i))) i++;
      q.consume(i);
      if (q.length === 0) return undefined;
      const b = q.at(0);
      if (b === 0x7d || b === 0x5d || b === 0x3a || b === 0x2c) {
        throw new ProtocolError(`invalid character '${String.fromCharCode(b)}' looking for beginning of value`);
      }
      this.began = true;
      this.pos = 0;
      this.depth = 0;
      this.inString = false;
      this.escaped = false;
      this.scalar = b !== 0x7b && b !== 0x5b && b !== 0x22;
    }
    const end = this.scan();
    if (end < 0) {
      if (q.length > this.maxSize) {
        throw new ProtocolError(`jsonrpc: message larger than ${this.maxSize} bytes`, 'ERR_NETRPC_LIMIT');
      }
      if (this.ended) {
        if (this.scalar && q.length > 0) return this.finish(q.length);
        throw new ProtocolError('unexpected EOF');
      }
      return undefined;
    }
    if (end > this.maxSize) {
      throw new ProtocolError(`jsonrpc: message larger than ${this.maxSize} bytes`, 'ERR_NETRPC_LIMIT');
    }
    return this.finish(end);
  }

  private finish(end: number): string {
    const text = utf8.decode(this.q.view(0, end));
    this.q.consume(end);
    this.began = false;
    return text;
  }

  /** Returns the offset just past the value, or -1 when the value is not complete yet. */
  private scan(): number {
    const q = this.q;
    const n = q.length;
    let i = this.pos;
    if (this.scalar) {
      if (q.at(0) === 0x22) return -1;
      for (; i < n; i++) {
        const b = q.at(i);
        if (isSpace(b) || b === 0x7b || b === 0x7d || b === 0x5b || b === 0x5d || b === 0x2c || b === 0x3a || b === 0x22) {
          return i;
        }
      }
      this.pos = i;
      return -1;
    }
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    for (; i < n; i++) {
      const b = q.at(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (b === 0x5c) escaped = true;
        else if (b === 0x22) {
          inString = false;
          if (depth === 0) return i + 1;
        }
      } else if (b === 0x22) inString = true;
      else if (b === 0x7b || b === 0x5b) {
        if (++depth > MAX_DEPTH) throw new ProtocolError('exceeded max depth');
      } else if (b === 0x7d || b === 0x5d) {
        if (--depth === 0) return i + 1;
      }
    }
    this.pos = i;
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }
}
