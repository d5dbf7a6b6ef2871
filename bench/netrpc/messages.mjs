// aws-lambda-go's messages types as gob schemas (the benchmark's Function.Invoke echo).
import { t } from '@tslambda/gob';

const pkg = { pkg: 'messages' };
export const InvokeRequest = t.struct(
  'InvokeRequest',
  {
    Payload: t.bytes(),
    RequestId: t.string(),
    XAmznTraceId: t.string(),
    Deadline: t.struct('InvokeRequest_Timestamp', { Seconds: t.int64(), Nanos: t.int64() }, pkg),
    InvokedFunctionArn: t.string(),
    CognitoIdentityId: t.string(),
    CognitoIdentityPoolId: t.string(),
    ClientContext: t.bytes(),
  },
  pkg,
);
const StackFrame = t.struct('InvokeResponse_Error_StackFrame', { Path: t.string(), Line: t.int32(), Label: t.string() }, pkg);
const ErrorT = t.struct(
  'InvokeResponse_Error',
  { Message: t.string(), Type: t.string(), StackTrace: t.slice(t.ptr(StackFrame)), ShouldExit: t.bool() },
  pkg,
);
export const InvokeResponse = t.struct('InvokeResponse', { Payload: t.bytes(), Error: t.ptr(ErrorT) }, pkg);
