const utf8 = new TextEncoder();
const scratch = new DataView(new ArrayBuffer(8));
const scratchBytes = new Uint8Array(scratch.buffer);

/** Byte slices at least this long are referenced, not copied, by `Encoder.encodev`. */
export const REF_MIN = 2048;

/** Number of bytes of a uint below 2^32 (1..4). */
function byteLen32(n: number): number {
  return n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
}

/** Number of bytes gob uses for the uint `n` (a safe integer). */
export function uintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x100000000) return 1 + byteLen32(n);
  return 5 + byteLen32(Math.floor(n / 0x100000000));
}

/**
 * A growable byte buffer with gob's primitive encodings. The first
 * `reserve` bytes are kept free for a message length prefix.
 */
export class Writer {
  buf: Uint8Array;
  pos: number;
  /** When set, large byte slices are referenced here instead of copied (zero-copy output). */
  refs: { at: number; bytes: Uint8Array }[] | null = null;
  /** Total length of the referenced byte slices. */
  refLen = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
    this.pos = 0;
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n + 64));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.grow(1);
    this.buf[this.pos++] = b;
  }

  /** Writes an unsigned integer 0 <= n <= 2^53-1. */
  uint(n: number): void {
    if (n < 0x80) {
      if (this.pos >= this.buf.length) this.grow(1);
      this.buf[this.pos++] = n;
      return;
    }
    if (n < 0x100000000) {
      this.ensure(5);
      const k = byteLen32(n);
      const b = this.buf;
      let p = this.pos;
      b[p++] = 256 - k;
      for (let s = (k - 1) * 8; s >= 0; s -= 8) b[p++] = (n >>> s) & 0xff;
      this.pos = p;
      return;
    }
    this.uintHL(Math.floor(n / 0x100000000), n >>> 0);
  }

  /** Writes the unsigned 64-bit integer `hi * 2^32 + lo`. */
  uintHL(hi: number, lo: number): void {
    if (hi === 0) return this.uint(lo);
    this.ensure(9);
    const k = byteLen32(hi);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 256 - (k + 4);
    for (let s = (k - 1) * 8; s >= 0; s -= 8) b[p++] = (hi >>> s) & 0xff;
    b[p++] = lo >>> 24;
    b[p++] = (lo >>> 16) & 0xff;
    b[p++] = (lo >>> 8) & 0xff;
    b[p++] = lo & 0xff;
    this.pos = p;
  }

  /** Writes an unsigned 64-bit bigint (0 <= n < 2^64). */
  uintBig(n: bigint): void {
    this.uintHL(Number(n >> 32n), Number(n & 0xffffffffn));
  }

  /** Writes a signed integer |n| <= 2^53-1. */
  int(n: number): void {
    if (n < 0x40000000 && n > -0x40000000) {
      this.uint(n < 0 ? ((~n << 1) | 1) >>> 0 : n << 1);
      return;
    }
    const neg = n < 0;
    const m = neg ? -n - 1 : n;
    const hi = Math.floor(m / 0x100000000);
    const lo = m >>> 0;
    this.uintHL(hi * 2 + (lo >>> 31), ((lo << 1) | (neg ? 1 : 0)) >>> 0);
  }

  /** Writes a signed 64-bit bigint. */
  intBig(n: bigint): void {
    this.uintBig(n < 0n ? ((-n - 1n) << 1n) | 1n : n << 1n);
  }

  /** Writes a float64: IEEE bits, byte-reversed, as a uint. */
  float(f: number): void {
    scratch.setFloat64(0, f);
    const s = scratchBytes;
    let m = 7;
    while (m >= 0 && s[m] === 0) m--;
    if (m < 0) return this.byte(0);
    if (m === 0 && s[0]! < 0x80) return this.byte(s[0]!);
    this.ensure(9);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 256 - (m + 1);
    for (let i = m; i >= 0; i--) b[p++] = s[i]!;
    this.pos = p;
  }

  /** Writes a byte count and the bytes. */
  bytes(v: Uint8Array): void {
    const n = v.length;
    this.uint(n);
    if (this.refs !== null && n >= REF_MIN) {
      this.refs.push({ at: this.pos, bytes: v });
      this.refLen += n;
      return;
    }
    this.ensure(n);
    this.buf.set(v, this.pos);
    this.pos += n;
  }

  /** Writes raw bytes. */
  raw(v: Uint8Array): void {
    this.ensure(v.length);
    this.buf.set(v, this.pos);
    this.pos += v.length;
  }

  /** Writes a string as a byte count and its UTF-8 bytes. */
  string(s: string): void {
    const len = s.length;
    if (len < 43) {
      // at most 126 UTF-8 bytes: the count is one byte
      this.ensure(1 + len * 3);
      const b = this.buf;
      const start = this.pos;
      let p = start + 1;
      for (let i = 0; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x80) {
          b[p++] = c;
        } else {
          p += utf8.encodeInto(s.slice(i), b.subarray(p)).written;
          break;
        }
      }
      b[start] = p - start - 1;
      this.pos = p;
      return;
    }
    if (len < 512) {
      // optimistic ASCII: the byte count is the string length
      this.ensure(3 + len);
      const b = this.buf;
      const start = this.pos;
      this.uint(len);
      let p = this.pos;
      let i = 0;
      for (; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        b[p++] = c;
      }
      if (i === len) {
        this.pos = p;
        return;
      }
      this.pos = start;
    }
    this.ensure(9 + len * 3);
    const at = this.pos + 9;
    const n = utf8.encodeInto(s, this.buf.subarray(at)).written;
    const k = uintSize(n);
    this.uint(n);
    if (k !== 9) this.buf.copyWithin(this.pos, at, at + n);
    this.pos += n;
  }
}

/** UTF-8 bytes of a string (for names). */
export function utf8Bytes(s: string): Uint8Array {
  return utf8.encode(s);
}
