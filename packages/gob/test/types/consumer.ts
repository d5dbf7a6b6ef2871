// Compiled by .ci/consumer-types.mjs under several TypeScript versions: it
// uses the public API by package name the way an application would.
import {
  Decoder, Encoder, EOF, GobDecodeError, GobEncodeError, GobError, IdSpace, Registry, StreamDecoder, t,
  type Infer, type Schema,
} from '@tslambda/gob';

const InvokeRequest = t.struct('InvokeRequest', {
  Payload: t.bytes(),
  RequestId: t.string(),
  XAmznTraceId: t.string(),
  Deadline: t.struct('InvokeRequest_Timestamp', { Seconds: t.int64(), Nanos: t.int64() }, { pkg: 'messages' }),
  InvokedFunctionArn: t.string(),
  CognitoIdentityId: t.string(),
  CognitoIdentityPoolId: t.string(),
  ClientContext: t.bytes(),
}, { pkg: 'messages' });
type InvokeRequest = Infer<typeof InvokeRequest>;

const req: InvokeRequest = {
  Payload: new Uint8Array(0),
  RequestId: 'id',
  XAmznTraceId: '',
  Deadline: { Seconds: 1, Nanos: 2 },
  InvokedFunctionArn: '',
  CognitoIdentityId: '',
  CognitoIdentityPoolId: '',
  ClientContext: new Uint8Array(0),
};
const seconds: number = req.Deadline.Seconds;

const Big = t.struct('Big', { N: t.int64({ bigint: true }), U: t.uint64(), M: t.map(t.string(), t.slice(t.float64())), P: t.ptr(t.int32()) });
type Big = Infer<typeof Big>;
const big: Big = { N: 1n, U: 2, M: new Map([['a', [1.5]]]), P: null };

const Shape = t.interface({ 'main.Circle': t.struct('Circle', { R: t.float64() }), sq: t.struct('Square', { S: t.float64() }) });
type Shape = Infer<typeof Shape>;
function getShape(): Shape {
  return { type: 'main.Circle', value: { R: 1 } };
}
const shape = getShape();
if (shape && shape.type === 'sq') {
  const s: number = shape.value.S;
  void s;
}

interface Tree {
  Val: number;
  Left: Tree | null;
}
const Tree: Schema<Tree> = t.struct('Tree', { Val: t.int(), Left: t.ptr(t.lazy((): Schema<Tree> => Tree)) });

const enc = new Encoder({ ids: new IdSpace() });
const bytes: Uint8Array = enc.encode(InvokeRequest, req);
enc.encode(Big, big);
enc.encode(Tree, { Val: 1, Left: null });
enc.encode(t.time(), new Date());

const dec = new Decoder({ maxMessageSize: 1 << 20, maxDepth: 64 });
dec.push(bytes);
const r = dec.tryDecode(InvokeRequest);
if (r) {
  const payload: Uint8Array = r.value.Payload;
  void payload;
}
dec.trySkip();
const any = dec.tryDecodeAny();
if (any) console.log(any.type.kind, any.value);
dec.end();

async function read(source: AsyncIterable<Uint8Array>): Promise<void> {
  const s = new StreamDecoder(source);
  const v = await s.decode(InvokeRequest);
  if (v !== EOF) console.log(v.RequestId);
}

try {
  enc.encode(t.int8(), 1000);
} catch (e) {
  if (e instanceof GobEncodeError) console.log(e.code, e.path);
  else if (e instanceof GobDecodeError) console.log(e.offset);
  else if (e instanceof GobError) console.log(e.code);
}

new Registry().register('main.Circle', t.struct('Circle', { R: t.float64() }));
void seconds;
void read;
