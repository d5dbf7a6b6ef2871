import { t } from '@tslambda/gob';

/** aws-lambda-go's `messages` types, as gob schemas (same names, fields and package). */
const pkg = { pkg: 'messages' };
export const PingRequest = t.struct('PingRequest', {}, pkg);
export const PingResponse = t.struct('PingResponse', {}, pkg);
export const InvokeRequest_Timestamp = t.struct('InvokeRequest_Timestamp', { Seconds: t.int64(), Nanos: t.int64() }, pkg);
export const InvokeRequest = t.struct(
  'InvokeRequest',
  {
    Payload: t.bytes(),
    RequestId: t.string(),
    XAmznTraceId: t.string(),
    Deadline: InvokeRequest_Timestamp,
    InvokedFunctionArn: t.string(),
    CognitoIdentityId: t.string(),
    CognitoIdentityPoolId: t.string(),
    ClientContext: t.bytes(),
  },
  pkg,
);
export const InvokeResponse_Error_StackFrame = t.struct(
  'InvokeResponse_Error_StackFrame',
  { Path: t.string(), Line: t.int32(), Label: t.string() },
  pkg,
);
export const InvokeResponse_Error = t.struct(
  'InvokeResponse_Error',
  { Message: t.string(), Type: t.string(), StackTrace: t.slice(t.ptr(InvokeResponse_Error_StackFrame)), ShouldExit: t.bool() },
  pkg,
);
export const InvokeResponse = t.struct('InvokeResponse', { Payload: t.bytes(), Error: t.ptr(InvokeResponse_Error) }, pkg);
