import { RuntimeApiError } from '../errors.js';

/** Limits of {@link ResponseParser}. */
export interface ParserLimits {
  /** Largest status line + headers, and separately largest trailer section, in bytes. */
  maxHeaderBytes: number;
  /** Largest response body in bytes. */
  maxBodyBytes: number;
}

/** Node's default `--max-http-header-size`. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** Far above any Lambda payload (6 MB request/response, 1 MB async event). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_LINE = 1024;

/** A parsed HTTP/1.1 response. Header names are lower case; repeated headers keep their first value. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Whether the connection may carry another request. */
  keepAlive: boolean;
}

const enum State {
  Head,
  Body,
  ChunkSize,
  ChunkData,
  ChunkEnd,
  Trailers,
  UntilClose,
  Done,
}

// Control characters other than tab (obs-text 0x80-0xff is allowed).
const BAD_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/;
const HEAD_END = Buffer.from('\r\n\r\n');

// RFC 9110 token characters.
const TOKEN_CHARS = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") TOKEN_CHARS[c.charCodeAt(0)] = 1;

function isToken(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || TOKEN_CHARS[c] === 0) return false;
  }
  return true;
}

/** No control characters but tab, and CR only as part of CRLF, LF only after CR. */
function cleanHead(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 127) continue;
    if (c === 9) continue;
    if (c === 13 && s.charCodeAt(i + 1) === 10) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

function malformed(what: string): RuntimeApiError {
  return new RuntimeApiError(`malformed HTTP response from the Runtime API: ${what}`);
}

/**
 * Incremental parser of one HTTP/1.1 response at a time: status line and
 * headers (bounded), then a body framed by `Content-Length`, chunked
 * transfer coding (trailers read and dropped) or the connection's end.
 * `1xx` interim responses are skipped. Throws {@link RuntimeApiError} on
 * anything malformed or over the limits; the connection must then be dropped.
 */
export class ResponseParser {
  readonly limits: ParserLimits;
  /** Bytes received after the complete response (a protocol error: the connection is not reused). */
  extraBytes = 0;
  #state = State.Head;
  #head: Buffer | undefined;
  #headLen = 0;
  #line: Buffer | undefined;
  #status = 0;
  #headers: Record<string, string> = Object.create(null) as Record<string, string>;
  #keepAlive = true;
  #remaining = 0;
  #body: Buffer | undefined;
  #parts: Buffer[] = [];
  #bodyLen = 0;
  #trailerBytes = 0;
  #result: HttpResponse | undefined;

  constructor(limits: Partial<ParserLimits> = {}) {
    this.limits = { maxHeaderBytes: limits.maxHeaderBytes ?? MAX_HEADER_BYTES, maxBodyBytes: limits.maxBodyBytes ?? MAX_BODY_BYTES };
  }

  /** The response, once complete. */
  get result(): HttpResponse | undefined {
    return this.#result;
  }

  /** Feeds received bytes; returns the response once it is complete. */
  push(chunk: Buffer): HttpResponse | undefined {
    let off = 0;
    let buf = chunk;
    while (off < buf.length) {
      switch (this.#state) {
        case State.Head: {
          const h = this.#readHead(buf, off);
          if (!h) return undefined;
          buf = h.buf;
          off = h.off;
          break;
        }
        case State.Body: {
          const n = Math.min(this.#remaining, buf.length - off);
          if (!this.#body && n === this.#remaining) {
            // The whole body is in this chunk: no copy.
            this.#body = buf.subarray(off, off + n);
          } else {
            this.#body ??= Buffer.allocUnsafe(this.#remaining);
            buf.copy(this.#body, this.#body.length - this.#remaining, off, off + n);
          }
          this.#remaining -= n;
          off += n;
          if (this.#remaining === 0) this.#finish(this.#body);
          break;
        }
        case State.ChunkSize: {
          const line = this.#readLine(buf, off);
          if (!line) return undefined;
          off = line.off;
          const m = /^([0-9a-fA-F]{1,8})[\t ]*(?:;.*)?$/.exec(line.text);
          if (!m) throw malformed(`bad chunk size line ${JSON.stringify(line.text.slice(0, 40))}`);
          const size = parseInt(m[1]!, 16);
          if (size === 0) {
            this.#state = State.Trailers;
            break;
          }
          this.#grow(size);
          this.#remaining = size;
          this.#state = State.ChunkData;
          break;
        }
        case State.ChunkData: {
          const n = Math.min(this.#remaining, buf.length - off);
          this.#parts.push(buf.subarray(off, off + n));
          this.#remaining -= n;
          off += n;
          if (this.#remaining === 0) this.#state = State.ChunkEnd;
          break;
        }
        case State.ChunkEnd: {
          const line = this.#readLine(buf, off);
          if (!line) return undefined;
          off = line.off;
          if (line.text !== '') throw malformed('chunk data longer than its size');
          this.#state = State.ChunkSize;
          break;
        }
        case State.Trailers: {
          const line = this.#readLine(buf, off, this.limits.maxHeaderBytes - this.#trailerBytes);
          if (!line) return undefined;
          this.#trailerBytes += line.off - off;
          off = line.off;
          if (line.text === '') {
            this.#finish(this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts, this.#bodyLen));
          } else if (!isToken(line.text.slice(0, Math.max(0, line.text.indexOf(':')))) || BAD_VALUE.test(line.text)) {
            throw malformed('bad trailer line');
          }
          break;
        }
        case State.UntilClose: {
          const part = buf.subarray(off);
          this.#grow(part.length);
          this.#parts.push(part);
          off = buf.length;
          break;
        }
        case State.Done:
          this.extraBytes += buf.length - off;
          this.#result!.keepAlive = false;
          return this.#result;
      }
    }
    return this.#result;
  }

  /**
   * The connection ended (EOF). Returns the response when its body runs to
   * the end of the connection; throws when the response is incomplete.
   */
  end(): HttpResponse {
    if (this.#state === State.UntilClose) this.#finish(Buffer.concat(this.#parts, this.#bodyLen));
    if (this.#result) return this.#result;
    throw new RuntimeApiError(
      this.#state === State.Head && this.#headLen === 0
        ? 'the Runtime API closed the connection without a response'
        : 'the Runtime API closed the connection before the response was complete',
    );
  }

  #grow(n: number): void {
    this.#bodyLen += n;
    if (this.#bodyLen > this.limits.maxBodyBytes) {
      throw malformed(`body larger than ${this.limits.maxBodyBytes} bytes`);
    }
  }

  #finish(body: Buffer): void {
    this.#state = State.Done;
    this.#result = { status: this.#status, headers: this.#headers, body, keepAlive: this.#keepAlive };
  }

  /** Reads a CRLF-terminated line (at most `max` bytes with the CRLF), or keeps the partial line. */
  #readLine(buf: Buffer, off: number, max = MAX_LINE): { text: string; off: number } | undefined {
    const nl = buf.indexOf(10, off);
    const end = nl < 0 ? buf.length : nl + 1;
    const have = (this.#line?.length ?? 0) + end - off;
    if (have > max) throw malformed(`line longer than ${max} bytes`);
    const piece = buf.subarray(off, end);
    const line = this.#line ? Buffer.concat([this.#line, piece]) : piece;
    if (nl < 0) {
      this.#line = Buffer.from(line);
      return undefined;
    }
    this.#line = undefined;
    if (line.length < 2 || line[line.length - 2] !== 13) throw malformed('line not ended by CRLF');
    const text = line.toString('latin1', 0, line.length - 2);
    if (text.includes('\r')) throw malformed('stray CR');
    return { text, off: end };
  }

  /** Accumulates the head until CRLF CRLF; parses it and returns where the body starts. */
  #readHead(buf: Buffer, off: number): { buf: Buffer; off: number } | undefined {
    let data: Buffer;
    let from: number;
    if (this.#headLen === 0) {
      data = buf;
      from = off;
    } else {
      // Append to the pending head (capacity doubles: linear even when bytes trickle in).
      const add = buf.length - off;
      if (this.#head!.length < this.#headLen + add) {
        const grown = Buffer.allocUnsafe(Math.max(this.#headLen + add, this.#head!.length * 2));
        this.#head!.copy(grown, 0, 0, this.#headLen);
        this.#head = grown;
      }
      buf.copy(this.#head!, this.#headLen, off);
      const searchFrom = Math.max(0, this.#headLen - 3);
      this.#headLen += add;
      data = this.#head!.subarray(0, this.#headLen);
      from = 0;
      const at = data.indexOf(HEAD_END, searchFrom);
      return at < 0 ? this.#keepHead(data, 0) : this.#parseHead(data, 0, at);
    }
    const at = data.indexOf(HEAD_END, from);
    return at < 0 ? this.#keepHead(data, from) : this.#parseHead(data, from, at);
  }

  #keepHead(data: Buffer, from: number): undefined {
    const len = data.length - from;
    // + 3: the first bytes of a CRLF CRLF that may complete in the next chunk.
    if (len > this.limits.maxHeaderBytes + 3) throw malformed(`headers larger than ${this.limits.maxHeaderBytes} bytes`);
    if (this.#headLen === 0) {
      this.#head = Buffer.allocUnsafe(Math.max(256, len * 2));
      data.copy(this.#head, 0, from);
      this.#headLen = len;
    }
    return undefined;
  }

  #parseHead(data: Buffer, from: number, at: number): { buf: Buffer; off: number } {
    if (at - from > this.limits.maxHeaderBytes) throw malformed(`headers larger than ${this.limits.maxHeaderBytes} bytes`);
    const text = data.toString('latin1', from, at);
    // One pass for what no line may hold: control characters but tab, and CR or LF outside CRLF.
    if (!cleanHead(text)) throw malformed('control character or bare CR/LF in the headers');
    let eol = text.indexOf('\r\n');
    if (eol < 0) eol = text.length;
    const m = STATUS_LINE.exec(text.slice(0, eol));
    if (!m) throw malformed(`bad status line ${JSON.stringify(text.slice(0, Math.min(eol, 40)))}`);
    const status = Number(m[2]);
    const headers = Object.create(null) as Record<string, string>;
    let contentLength: string | undefined;
    let transferEncoding: string | undefined;
    let connection = '';
    while (eol < text.length) {
      const start = eol + 2;
      eol = text.indexOf('\r\n', start);
      if (eol < 0) eol = text.length;
      const colon = text.indexOf(':', start);
      if (colon <= start || colon > eol) throw malformed('header line without a name');
      const name = text.slice(start, colon);
      if (!isToken(name)) throw malformed(`bad header name ${JSON.stringify(name.slice(0, 40))}`);
      let a = colon + 1;
      let z = eol;
      while (a < z && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
      while (z > a && (text.charCodeAt(z - 1) === 32 || text.charCodeAt(z - 1) === 9)) z--;
      const value = text.slice(a, z);
      const key = name.toLowerCase();
      if (key === 'content-length') {
        if (contentLength !== undefined && contentLength !== value) throw malformed('conflicting Content-Length headers');
        contentLength = value;
      } else if (key === 'transfer-encoding') {
        transferEncoding = transferEncoding === undefined ? value : `${transferEncoding}, ${value}`;
      } else if (key === 'connection') {
        connection += `,${value.toLowerCase()}`;
      }
      if (headers[key] === undefined) headers[key] = value;
    }
    const off = at + 4;
    if (status < 200) {
      if (status === 101 || status < 100) throw malformed(`unexpected status ${status}`);
      // An interim response: the final one follows.
      this.#head = undefined;
      this.#headLen = 0;
      return { buf: data, off };
    }
    this.#status = status;
    this.#headers = headers;
    const tokens = connection === '' ? [] : connection.split(',').map((t) => t.trim());
    this.#keepAlive = m[1] === '1' ? !tokens.includes('close') : tokens.includes('keep-alive');
    this.#head = undefined;
    this.#headLen = 0;
    if (status === 204 || status === 304) {
      this.#finish(Buffer.alloc(0));
    } else if (transferEncoding !== undefined) {
      if (transferEncoding.trim().toLowerCase() !== 'chunked') throw malformed(`unsupported Transfer-Encoding ${JSON.stringify(transferEncoding.slice(0, 40))}`);
      if (contentLength !== undefined) throw malformed('both Content-Length and Transfer-Encoding');
      this.#state = State.ChunkSize;
    } else if (contentLength !== undefined) {
      if (!/^\d{1,15}$/.test(contentLength)) throw malformed(`bad Content-Length ${JSON.stringify(contentLength.slice(0, 40))}`);
      const length = Number(contentLength);
      this.#grow(length);
      if (length === 0) this.#finish(Buffer.alloc(0));
      else {
        this.#remaining = length;
        this.#state = State.Body;
      }
    } else {
      this.#keepAlive = false;
      this.#state = State.UntilClose;
    }
    return { buf: data, off };
  }
}
