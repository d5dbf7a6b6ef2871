import { isJsonType, type BodyType, type JsonValue } from './body.js';
import type { Body, ClientCodec, Codec, CodecLimits, RequestHeader, ResponseHeader, ServerCodec } from './codec.js';
import { BodyError, ProtocolError } from './errors.js';
import { JsonReader } from './json/reader.js';
import { compactJson, foldKey, goJson, objectMembers } from './json/members.js';

const utf8 = new TextEncoder();

function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function parseRaw(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch (e) {
    throw new ProtocolError(`jsonrpc: malformed JSON: ${(e as Error).message}`, 'ERR_NETRPC_PROTOCOL', { cause: e });
  }
}

function members(text: string, goType: string): { key: string; raw: string }[] | undefined {
  const c = text.charCodeAt(0);
  if (c !== 0x7b) {
    const v = parseRaw(text);
    // Go decodes `null` into a struct as a no-op.
    if (v === null) return undefined;
    throw new ProtocolError(`json: cannot unmarshal ${jsonKind(v) === 'object' ? 'object' : jsonKind(v)} into Go value of type ${goType}`);
  }
  try {
    return objectMembers(text);
  } catch (e) {
    throw new ProtocolError(`jsonrpc: malformed JSON: ${(e as Error).message}`, 'ERR_NETRPC_PROTOCOL', { cause: e });
  }
}

function checkBody(type: BodyType, value: JsonValue): Body {
  if (!isJsonType(type)) throw new BodyError('jsonrpc: this method has no JSON body type (use json())');
  try {
    return { value: type.check(value) };
  } catch (e) {
    throw new BodyError((e as Error).message, { cause: e });
  }
}

function encodeBody(body: unknown): string {
  try {
    return goJson(body);
  } catch (e) {
    throw new BodyError((e as Error).message, { cause: e });
  }
}

/** Server side of Go's `net/rpc/jsonrpc`: `{"method","params":[arg],"id"}` in, `{"id","result","error"}` out. */
class JsonServerCodec implements ServerCodec {
  private readonly reader: JsonReader;
  private seq = 0;
  private readonly pending = new Map<number, string>();
  private params: JsonValue | undefined;

  constructor(limits: CodecLimits) {
    this.reader = new JsonReader(limits.maxMessageSize);
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  end(): void {
    this.reader.end();
  }

  readRequestHeader(): RequestHeader | undefined {
    const text = this.reader.next();
    if (text === undefined) return undefined;
    let method = '';
    let id = 'null';
    this.params = undefined;
    for (const m of members(text, 'jsonrpc.serverRequest') ?? []) {
      const value = parseRaw(m.raw);
      switch (foldKey(m.key)) {
        case 'method':
          if (typeof value === 'string') method = value;
          else if (value !== null) {
            throw new ProtocolError(`json: cannot unmarshal ${jsonKind(value)} into Go struct field serverRequest.method of type string`);
          }
          break;
        case 'params':
          this.params = value === null ? undefined : value;
          break;
        case 'id':
          id = value === null ? 'null' : compactJson(m.raw);
          break;
      }
    }
    const seq = ++this.seq;
    this.pending.set(seq, id);
    return { serviceMethod: method, seq };
  }

  readRequestBody(type: BodyType): Body | undefined {
    const params = this.params;
    this.params = undefined;
    if (params === undefined) throw new BodyError('jsonrpc: request body missing params');
    if (!Array.isArray(params)) {
      throw new BodyError(`json: cannot unmarshal ${jsonKind(params)} into Go value of type [1]interface {}`);
    }
    return checkBody(type, params.length > 0 ? params[0]! : null);
  }

  discardRequestBody(): boolean {
    this.params = undefined;
    return true;
  }

  writeResponse(header: ResponseHeader, body: unknown): Uint8Array {
    const id = this.pending.get(header.seq);
    if (id === undefined) throw new ProtocolError('invalid sequence number in response');
    const text =
      header.error === ''
        ? `{"id":${id},"result":${encodeBody(body)},"error":null}\n`
        : `{"id":${id},"result":null,"error":${goJson(header.error)}}\n`;
    this.pending.delete(header.seq);
    return utf8.encode(text);
  }
}

/** Client side of Go's `net/rpc/jsonrpc`. */
class JsonClientCodec implements ClientCodec {
  private readonly reader: JsonReader;
  private readonly pending = new Map<number, string>();
  private result: JsonValue | undefined;

  constructor(limits: CodecLimits) {
    this.reader = new JsonReader(limits.maxMessageSize);
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  end(): void {
    this.reader.end();
  }

  writeRequest(header: RequestHeader, body: unknown): Uint8Array {
    const text = `{"method":${goJson(header.serviceMethod)},"params":[${encodeBody(body)}],"id":${header.seq}}\n`;
    this.pending.set(header.seq, header.serviceMethod);
    return utf8.encode(text);
  }

  readResponseHeader(): ResponseHeader | undefined {
    const text = this.reader.next();
    if (text === undefined) return undefined;
    let seq = 0;
    let error: JsonValue = null;
    this.result = undefined;
    for (const m of members(text, 'jsonrpc.clientResponse') ?? []) {
      const value = parseRaw(m.raw);
      switch (foldKey(m.key)) {
        case 'id':
          if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) seq = value;
          else if (value !== null) {
            throw new ProtocolError(`json: cannot unmarshal ${jsonKind(value)} ${m.raw} into Go struct field clientResponse.id of type uint64`);
          }
          break;
        case 'result':
          this.result = value === null ? undefined : value;
          break;
        case 'error':
          error = value;
          break;
      }
    }
    const serviceMethod = this.pending.get(seq) ?? '';
    this.pending.delete(seq);
    let message = '';
    if (error !== null || this.result === undefined) {
      if (typeof error !== 'string') throw new ProtocolError(`invalid error ${error === null ? '<nil>' : JSON.stringify(error)}`);
      message = error === '' ? 'unspecified error' : error;
    }
    return { serviceMethod, seq, error: message };
  }

  readResponseBody(type: BodyType): Body | undefined {
    const result = this.result ?? null;
    this.result = undefined;
    return checkBody(type, result);
  }

  discardResponseBody(): boolean {
    this.result = undefined;
    return true;
  }
}

/**
 * Go's `net/rpc/jsonrpc` codec (JSON-RPC 1.0 as Go speaks it). Bodies are JSON values typed with
 * {@link json}: a call's argument is sent as `params[0]`, a reply is `result`. Interoperates with
 * `jsonrpc.NewClient`, `jsonrpc.Dial` and `jsonrpc.ServeConn`.
 *
 * @example
 * ```ts
 * const client = await dial({ port, codec: jsonCodec });
 * const reply = await client.call('Arith.Multiply', { A: 7, B: 8 }, json(), json());
 * ```
 */
export const jsonCodec: Codec = {
  name: 'jsonrpc',
  server: (limits) => new JsonServerCodec(limits),
  client: (limits) => new JsonClientCodec(limits),
};
