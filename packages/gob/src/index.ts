export { t, isExported } from './schema.js';
export type {
  Schema, SchemaKind, NamedOptions, Int64Options, StructOptions, MarshalerOptions, Complex, GobInterfaceValue,
  BoolSchema, IntSchema, UintSchema, FloatSchema, ComplexSchema, StringSchema, BytesSchema, SliceSchema,
  ArraySchema, MapSchema, PtrSchema, InterfaceSchema, StructSchema, FieldSchema, MarshalerSchema, LazySchema,
  UnsupportedSchema, IntName, UintName,
} from './schema.js';
export type { Infer } from './infer.js';
export { Encoder, type EncoderOptions } from './encode.js';
export { Decoder, type DecoderOptions, type Decoded, type DecodedAny } from './decode.js';
export { IdSpace } from './idspace.js';
export { Registry, basicRegistry } from './registry.js';
export { WireType, TypeId, builtinWireType, type WireKind, type WireField } from './types.js';
export { GobError, GobDecodeError, GobEncodeError, type GobErrorCode } from './errors.js';
export { marshalTime, unmarshalTime, GO_ZERO_TIME_MS, marshalGoTime, unmarshalGoTime, GO_ZERO_TIME, type GoTime } from './time.js';
export { goString } from './gotype.js';
export { StreamDecoder, EOF, type ByteSource } from './stream.js';
