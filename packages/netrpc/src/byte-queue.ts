/** A growable byte buffer: bytes are appended at the end and consumed from the front. */
export class ByteQueue {
  private buf = new Uint8Array(0);
  private start = 0;
  private stop = 0;

  get length(): number {
    return this.stop - this.start;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.stop + chunk.length > this.buf.length) {
      const live = this.stop - this.start;
      if (live + chunk.length <= this.buf.length && this.start >= live) {
        this.buf.copyWithin(0, this.start, this.stop);
      } else {
        const next = new Uint8Array(Math.max(live + chunk.length, this.buf.length * 2, 4096));
        next.set(this.buf.subarray(this.start, this.stop));
        this.buf = next;
      }
      this.start = 0;
      this.stop = live;
    }
    this.buf.set(chunk, this.stop);
    this.stop += chunk.length;
  }

  /** Byte at offset `i` from the front (no bounds check). */
  at(i: number): number {
    return this.buf[this.start + i]!;
  }

  /** A view of bytes `[from, to)` counted from the front; valid until the next `push`. */
  view(from: number, to: number): Uint8Array {
    return this.buf.subarray(this.start + from, this.start + to);
  }

  /** Drops `n` bytes from the front. */
  consume(n: number): void {
    this.start += n;
    if (this.start === this.stop) {
      this.start = 0;
      this.stop = 0;
      if (this.buf.length > 1 << 20) this.buf = new Uint8Array(0);
    }
  }

  /** Removes and returns everything buffered. */
  take(): Uint8Array {
    const out = this.buf.slice(this.start, this.stop);
    this.consume(this.length);
    return out;
  }
}
