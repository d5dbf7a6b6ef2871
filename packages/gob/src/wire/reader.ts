import { GobDecodeError, type GobErrorCode } from '../errors.js';

const scratch = new DataView(new ArrayBuffer(8));
const scratchBytes = new Uint8Array(scratch.buffer);
const latin = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads gob primitives from the current message: `buf[pos..end)`. `base`
 * is the stream offset of `buf[0]` (for error offsets). A decoder may move
 * the reader to the next message (interface values can span messages).
 */
export class Reader {
  buf: Uint8Array = new Uint8Array(0);
  pos = 0;
  end = 0;
  base = 0;
  /** Set when a view of `buf` was handed out (`take`): the decoder must then not reuse its memory. */
  lent = false;
  /** Called when a value needs the next message (interfaces); set by the decoder. */
  next: () => void = () => this.fail('message ended inside a value', 'ERR_GOB_CORRUPT');

  fail(message: string, code: GobErrorCode = 'ERR_GOB_CORRUPT'): never {
    throw new GobDecodeError(`gob: ${message}`, code, this.base + this.pos);
  }

  remaining(): number {
    return this.end - this.pos;
  }

  /**
   * Reads a uint. Exact up to 2^53; larger values come back approximate
   * (>= 2^53), which callers treat as too big.
   */
  uint(): number {
    const b = this.buf;
    let p = this.pos;
    if (p >= this.end) this.fail('unexpected end of message');
    const x = b[p++]!;
    if (x < 0x80) {
      this.pos = p;
      return x;
    }
    const n = 256 - x;
    if (n > 8) this.fail('encoded unsigned integer out of range');
    if (p + n > this.end) this.fail(`invalid uint data length ${n}: exceeds input size ${this.end - p}`);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + b[p++]!;
    this.pos = p;
    return v;
  }

  /** Reads a uint as two 32-bit halves into `hl[0]` (high) and `hl[1]` (low). */
  uintHL(hl: Float64Array | number[]): void {
    const b = this.buf;
    let p = this.pos;
    if (p >= this.end) this.fail('unexpected end of message');
    const x = b[p++]!;
    if (x < 0x80) {
      this.pos = p;
      hl[0] = 0;
      hl[1] = x;
      return;
    }
    const n = 256 - x;
    if (n > 8) this.fail('encoded unsigned integer out of range');
    if (p + n > this.end) this.fail(`invalid uint data length ${n}: exceeds input size ${this.end - p}`);
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < n; i++) {
      hi = (hi * 256 + (lo >>> 24)) >>> 0;
      lo = ((lo << 8) | b[p++]!) >>> 0;
    }
    this.pos = p;
    hl[0] = hi;
    hl[1] = lo;
  }

  /** Reads a uint that must be a safe integer (else a range error). */
  uintSafe(): number {
    const start = this.pos;
    const v = this.uint();
    if (v > Number.MAX_SAFE_INTEGER) {
      this.pos = start;
      this.fail('unsigned value does not fit in a JS number (use { bigint: true })', 'ERR_GOB_RANGE');
    }
    return v;
  }

  /** Reads a signed int that must be a safe integer (else a range error). */
  int(): number {
    const b = this.buf;
    const p = this.pos;
    if (p < this.end) {
      const x = b[p]!;
      if (x < 0x80) {
        this.pos = p + 1;
        return x & 1 ? -(x >>> 1) - 1 : x >>> 1;
      }
    }
    this.uintHL(hlScratch);
    const hi = hlScratch[0]!;
    const lo = hlScratch[1]!;
    if (hi >= 0x400000) {
      this.pos = p;
      this.fail('integer value does not fit in a JS number (use { bigint: true })', 'ERR_GOB_RANGE');
    }
    const half = hi * 0x80000000 + (lo >>> 1);
    const v = lo & 1 ? -half - 1 : half;
    if (v < -Number.MAX_SAFE_INTEGER) {
      this.pos = p;
      this.fail('integer value does not fit in a JS number (use { bigint: true })', 'ERR_GOB_RANGE');
    }
    return v;
  }

  /** Reads a uint: a number when safe, else a bigint. */
  uintAny(): number | bigint {
    this.uintHL(hlScratch);
    const hi = hlScratch[0]!;
    const lo = hlScratch[1]!;
    if (hi < 0x200000) return hi * 0x100000000 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** Reads a signed int: a number when safe, else a bigint. */
  intAny(): number | bigint {
    this.uintHL(hlScratch);
    const hi = hlScratch[0]!;
    const lo = hlScratch[1]!;
    if (hi < 0x400000) {
      const half = hi * 0x80000000 + (lo >>> 1);
      const v = lo & 1 ? -half - 1 : half;
      if (v >= -Number.MAX_SAFE_INTEGER) return v;
    }
    const u = (BigInt(hi) << 32n) | BigInt(lo);
    return u & 1n ? -(u >> 1n) - 1n : u >> 1n;
  }

  /** Reads a uint as a bigint. */
  uintBig(): bigint {
    this.uintHL(hlScratch);
    return (BigInt(hlScratch[0]!) << 32n) | BigInt(hlScratch[1]!);
  }

  /** Reads a signed int as a bigint. */
  intBig(): bigint {
    const u = this.uintBig();
    return u & 1n ? -(u >> 1n) - 1n : u >> 1n;
  }

  /** Reads a float64 (byte-reversed IEEE bits sent as a uint). */
  float(): number {
    const b = this.buf;
    let p = this.pos;
    if (p >= this.end) this.fail('unexpected end of message');
    const x = b[p++]!;
    const s = scratchBytes;
    if (x < 0x80) {
      this.pos = p;
      if (x === 0) return 0;
      s[0] = x;
      s[1] = s[2] = s[3] = s[4] = s[5] = s[6] = s[7] = 0;
      return scratch.getFloat64(0);
    }
    const n = 256 - x;
    if (n > 8) this.fail('encoded unsigned integer out of range');
    if (p + n > this.end) this.fail(`invalid uint data length ${n}: exceeds input size ${this.end - p}`);
    for (let i = n - 1; i >= 0; i--) s[i] = b[p++]!;
    for (let i = n; i < 8; i++) s[i] = 0;
    this.pos = p;
    return scratch.getFloat64(0);
  }

  /** Reads a byte count `n` and checks that `n` bytes remain in the message. */
  length(what: string): number {
    const n = this.uint();
    if (n > this.end - this.pos) this.fail(`${what} length ${n} exceeds input size ${this.end - this.pos}`);
    return n;
  }

  /** A plain `Uint8Array` view of the next `n` bytes (checked by the caller), never a Node `Buffer`. */
  take(n: number): Uint8Array {
    const p = this.pos;
    this.pos = p + n;
    this.lent = true;
    const b = this.buf;
    return new Uint8Array(b.buffer, b.byteOffset + p, n);
  }

  /** A copy of the next `n` bytes (checked by the caller). `slice()` would be a view on a Node `Buffer`. */
  copy(n: number): Uint8Array {
    const p = this.pos;
    this.pos = p + n;
    const out = new Uint8Array(n);
    out.set(this.buf.subarray(p, p + n));
    return out;
  }

  /** Decodes the next `n` bytes as UTF-8 (invalid sequences become U+FFFD; a BOM is kept). */
  utf8(n: number): string {
    const b = this.buf;
    const p = this.pos;
    this.pos = p + n;
    if (n < 16) {
      let s = '';
      for (let i = p; i < p + n; i++) {
        const c = b[i]!;
        if (c >= 0x80) return utf8.decode(b.subarray(p, p + n));
        s += String.fromCharCode(c);
      }
      return s;
    }
    return utf8.decode(b.subarray(p, p + n));
  }

  /** Latin-1 text of the next `n` bytes (for error messages). */
  latin1(n: number): string {
    const p = this.pos;
    this.pos = p + n;
    return latin.decode(this.buf.subarray(p, p + n));
  }
}

const hlScratch = new Float64Array(2);
