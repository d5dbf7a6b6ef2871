import { describe, expect, test } from 'vitest';
import { Decoder, Encoder, GobDecodeError, GobEncodeError, IdSpace, t, type Schema } from '@tslambda/gob';
import { Env, fromJsonAny, fromJsonValue, hasMarker, needsBigint, withSentMarshaled, zeroDisplay, type Json } from './vector-schema.js';
import { hex, loadVectorFiles, registeredNames, unhex, vectorsDir } from './vectors.js';

const files = loadVectorFiles();
const names = registeredNames();

test('vectors directory has vectors', () => {
  expect(files.length, `no vector files in ${vectorsDir}`).toBeGreaterThan(0);
});

function envFor(v: any, ...values: (Json | undefined)[]): Env {
  const vals = values.filter((x) => x !== undefined) as Json[];
  const env = new Env(v.goType, names, {
    bigint: vals.some((x) => needsBigint(x)),
    raw: vals.some((x) => hasMarker(x, '$strbytes')),
  });
  env.addRegisterNames(v.goType);
  return env;
}

/** Decodes every value of a stream with the given schemas (undefined: schemaless). */
function decodeStream(bytes: Uint8Array, schemas: (Schema | undefined)[], splits: number[] = []): unknown[] {
  const dec = new Decoder();
  const out: unknown[] = [];
  let i = 0;
  const drain = (): void => {
    while (i < schemas.length) {
      const s = schemas[i];
      const r = s ? dec.tryDecode(s) : dec.tryDecodeAny();
      if (!r) return;
      out.push(r.value);
      i++;
    }
  };
  let at = 0;
  for (const cut of [...splits, bytes.length]) {
    dec.push(bytes.subarray(at, cut));
    at = cut;
    drain();
  }
  dec.end();
  drain();
  expect(out.length, 'values decoded').toBe(schemas.length);
  expect(dec.buffered).toBe(0);
  return out;
}

/** Makes values cheap to compare: byte arrays become hex strings. */
function norm(v: unknown): unknown {
  if (v instanceof Uint8Array) return `bytes:${hex(v)}`;
  if (Array.isArray(v)) return v.map(norm);
  if (v instanceof Map) return new Map([...v].map(([k, e]) => [norm(k), norm(e)]));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = norm((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Split points to test: every boundary for small inputs, a few for big ones. */
function splitPoints(n: number): number[][] {
  if (n <= 400) return Array.from({ length: n - 1 }, (_, k) => [k + 1]);
  return [[1], [Math.floor(n / 3), Math.floor((2 * n) / 3)], [n - 1]];
}

/** Expected schemaless value: nil pointers become the pointee's zero value (the wire has no pointers). */
function anyExpected(v: Json, schema: Schema, raw: boolean): unknown {
  const s = schema as any;
  if (s.kind === 'lazy') return anyExpected(v, s.get(), raw);
  if (s.kind === 'ptr') return v === null ? anyZero(s.elem) : anyExpected(v, s.elem, raw);
  if (v === null) return s.kind === 'slice' ? [] : null;
  switch (s.kind) {
    case 'struct': {
      const out: Record<string, unknown> = {};
      for (const f of s.fields) {
        if (!f.sent) continue;
        const fv = (v as any)[f.name] ?? null;
        const fs = f.schema as any;
        const omitted = fs.kind === 'marshaler' && !fs.ptrReceiver && fv !== null && zeroDisplay(fv.display);
        out[f.name] = omitted ? null : anyExpected(fv, f.schema, raw);
      }
      return out;
    }
    case 'slice': case 'array': return (v as Json[]).map((e) => anyExpected(e, s.elem, raw));
    case 'map': return new Map((v as any).$map.map(([k, e]: [Json, Json]) => [anyExpected(k, s.key, raw), anyExpected(e, s.elem, raw)]));
    case 'interface': {
      const o = v as any;
      const cs = s.registry.get(o.$type);
      return { type: o.$type, value: cs ? anyExpected(o.value, cs, raw) : fromJsonAny(o.value, raw) };
    }
    default: return fromJsonAny(v, raw);
  }
}

function anyZero(schema: Schema): unknown {
  const s = schema as any;
  switch (s.kind) {
    case 'lazy': return anyZero(s.get());
    case 'ptr': return anyZero(s.elem);
    case 'bool': return false;
    case 'int': case 'uint': case 'float': return 0;
    case 'string': return '';
    case 'bytes': return new Uint8Array(0);
    case 'slice': return [];
    default: return null;
  }
}

function checkEncode(v: any, acceptable: string[] | undefined): void {
  const expectedJson = v.decoded === undefined ? (v.value as Json) : withSentMarshaled(v.decoded, v.value);
  const env = envFor(v, v.value, expectedJson);
  const schema = env.fromJson(v.schema, undefined, env.hintOf(v.encodeType));
  const bytes = unhex(v.hex);
  if (v.kind !== 'decode-only') {
    const out = new Encoder().encode(schema, fromJsonValue(v.value, schema) as never);
    if (acceptable) expect(acceptable).toContain(hex(out));
    else expect(hex(out)).toBe(v.hex);
  }
  const expected = norm(fromJsonValue(expectedJson, schema, true));
  expect(norm(decodeStream(bytes, [schema])[0])).toEqual(expected);
  const raw = hasMarker(expectedJson, '$strbytes');
  expect(norm(decodeStream(bytes, [undefined])[0])).toEqual(raw ? expect.anything() : norm(anyExpected(expectedJson, schema, false)));
  for (const cuts of splitPoints(bytes.length)) {
    expect(norm(decodeStream(bytes, [schema], cuts)[0])).toEqual(expected);
  }
}

/** A value that makes the encoder fail the way Go did. */
function failingValue(schema: Schema, goError: string, top = true): unknown {
  const s = schema as any;
  if (s.kind === 'lazy') return failingValue(s.get(), goError, top);
  if (s.kind === 'ptr') return top ? null : failingValue(s.elem, goError, false);
  if ((s.kind === 'slice' || s.kind === 'array') && resolveKind(s.elem) === 'ptr') return s.kind === 'slice' ? [null] : Array(s.len).fill(null);
  if (s.kind === 'map' && (resolveKind(s.elem) === 'ptr' || resolveKind(s.key) === 'ptr')) {
    const k = resolveKind(s.key) === 'ptr' ? null : (({ string: '', bool: false, float: 0 }) as Record<string, unknown>)[resolveKind(s.key)] ?? 0;
    return new Map([[k, resolveKind(s.elem) === 'ptr' ? null : undefined]]);
  }
  if (s.kind === 'struct') {
    const out: Record<string, unknown> = {};
    for (const f of s.fields) out[f.name] = failingValue(f.schema, goError, false);
    return out;
  }
  if (s.kind === 'interface') {
    const nilPtr = /nil pointer of type (\S+) inside interface/.exec(goError);
    if (nilPtr) return { type: nilPtr[1], value: null };
    const unreg = /not registered for interface: (\S+)/.exec(goError);
    if (unreg) return { type: unreg[1], value: {} };
  }
  return undefined;
}

function resolveKind(schema: Schema): string {
  let s = schema as any;
  while (s.kind === 'lazy') s = s.get();
  return s.kind;
}

function runMalformed(v: any): { error?: unknown; values: unknown[] } {
  const env = new Env(v.goType, names, { bigint: false, raw: false, time: true });
  env.addRegisterNames(v.goType);
  let schema: Schema | undefined;
  if (v.decodeType !== '<nil>') {
    try {
      schema = env.fromGoType(v.decodeType);
    } catch {
      schema = undefined;
    }
  }
  const dec = new Decoder();
  const values: unknown[] = [];
  try {
    dec.push(unhex(v.hex));
    dec.end();
    for (let i = 0; i < 100; i++) {
      if (v.decodeType === '<nil>') {
        if (!dec.trySkip()) break;
        values.push(undefined);
        continue;
      }
      const r = schema ? dec.tryDecode(schema) : dec.tryDecodeAny();
      if (!r) break;
      values.push(r.value);
    }
  } catch (error) {
    return { error, values };
  }
  return { values };
}

for (const file of files) {
  describe(file.file, () => {
    for (const v of file.vectors) {
      test(`${v.name} (${v.kind})`, () => {
        switch (v.kind) {
          case 'encode':
          case 'decode-only':
            return checkEncode(v, undefined);
          case 'encode-unordered':
            return checkEncode(v, v.acceptableHex);
          case 'stream': {
            const vals = v.values as any[];
            const env = envFor(v, ...vals.map((x) => x.value), ...vals.map((x) => x.decoded));
            const schemas = vals.map((x) => env.fromJson(x.schema, undefined, env.hintOf(x.encodeType)));
            const enc = new Encoder();
            vals.forEach((x, i) => {
              expect(hex(enc.encode(schemas[i]!, fromJsonValue(x.value, schemas[i]!) as never)), `value ${i}`).toBe(x.hex);
            });
            const expected = norm(vals.map((x, i) => fromJsonValue(x.decoded === undefined ? x.value : withSentMarshaled(x.decoded, x.value), schemas[i]!, true)));
            const bytes = unhex(v.hex);
            expect(norm(decodeStream(bytes, schemas))).toEqual(expected);
            for (const cuts of splitPoints(bytes.length)) expect(norm(decodeStream(bytes, schemas, cuts))).toEqual(expected);
            return;
          }
          case 'decode': {
            const env = envFor(v, v.value, v.goValue);
            const dec = new Decoder();
            dec.push(unhex(v.hex));
            dec.end();
            if (v.decodeType === '<nil>') {
              expect(v.goResult).toBe('ok');
              expect(dec.trySkip()).toBe(true);
              expect(dec.trySkip()).toBe(false);
              return;
            }
            const recv = env.fromJson(v.decodeSchema, undefined, env.hintOf(v.decodeType));
            if (v.goResult === 'ok') {
              expect(dec.tryDecode(recv)?.value).toEqual(fromJsonValue(v.goValue, recv));
            } else {
              expect(() => dec.tryDecode(recv)).toThrow(GobDecodeError);
            }
            return;
          }
          case 'encode-error': {
            const env = envFor(v);
            let schema: Schema | undefined;
            if (v.schema) schema = env.fromJson(v.schema, undefined, env.hintOf(v.encodeType));
            else if (v.encodeType !== '<nil>') schema = env.fromGoType(v.encodeType);
            const value = schema ? failingValue(schema, v.goError) : null;
            let err: unknown;
            try {
              new Encoder().encode(schema as Schema, value as never);
            } catch (e) {
              err = e;
            }
            expect(err).toBeInstanceOf(GobEncodeError);
            expect(hex((err as GobEncodeError).partial)).toBe(v.partialHex);
            return;
          }
          case 'malformed': {
            const { error, values } = runMalformed(v);
            if (error !== undefined) expect(error).toBeInstanceOf(GobDecodeError);
            if (v.expect === 'reject') expect(error, 'Go rejects this input').toBeDefined();
            if (v.expect === 'eof') {
              expect(error).toBeUndefined();
              expect(values).toHaveLength(0);
            }
            if (v.expect === 'go-accepts' && error === undefined && v.goValue !== undefined && values.length > 0) {
              const env = envFor(v, v.goValue);
              const s = v.decodeType === '<nil>' ? undefined : env.fromGoType(v.decodeType);
              if (s) expect(values[0]).toEqual(fromJsonValue(v.goValue, s));
            }
            return;
          }
          case 'rpc':
            return checkRpc(v);
          default:
            throw new Error(`unknown vector kind ${v.kind}`);
        }
      });
    }
  });
}

const RpcRequest = t.struct('Request', { ServiceMethod: t.string(), Seq: t.uint64() }, { pkg: 'rpc' });
const RpcResponse = t.struct('Response', { ServiceMethod: t.string(), Seq: t.uint64(), Error: t.string() }, { pkg: 'rpc' });

function checkRpc(v: any): void {
  const calls = v.calls as any[];
  const env = envFor(v, ...calls.flatMap((c) => [c.args, c.request.body, c.response.body]));
  const ids = v.mode === 'in-process' ? new IdSpace() : undefined;
  const client = new Encoder({ ids: ids ?? new IdSpace() });
  const server = new Encoder({ ids: ids ?? new IdSpace() });
  for (const c of calls) {
    const args = env.fromGoType(c.argsType);
    const req = hex(client.encode(RpcRequest, fromJsonValue(c.request.header, RpcRequest) as never))
      + hex(client.encode(args, fromJsonValue(c.args, args) as never));
    expect(req, `request ${c.seq}`).toBe(c.request.hex);
    const replyType = env.fromGoType(c.response.bodyType);
    const res = hex(server.encode(RpcResponse, fromJsonValue(c.response.header, RpcResponse) as never))
      + hex(server.encode(replyType, fromJsonValue(c.response.body, replyType) as never));
    expect(res, `response ${c.seq}`).toBe(c.response.hex);
  }
  // decode both directions as streams
  const reqSchemas = calls.flatMap((c) => [RpcRequest, env.fromGoType(c.request.bodyType)]);
  const reqExpected = calls.flatMap((c, i) => [fromJsonValue(c.request.header, RpcRequest), fromJsonValue(c.request.body, reqSchemas[2 * i + 1]!)]);
  expect(norm(decodeStream(unhex(v.clientToServerHex), reqSchemas))).toEqual(norm(reqExpected));
  const resSchemas = calls.flatMap((c) => [RpcResponse, env.fromGoType(c.response.bodyType)]);
  const resExpected = calls.flatMap((c, i) => [fromJsonValue(c.response.header, RpcResponse), fromJsonValue(c.response.body, resSchemas[2 * i + 1]!)]);
  expect(norm(decodeStream(unhex(v.serverToClientHex), resSchemas))).toEqual(norm(resExpected));
}
