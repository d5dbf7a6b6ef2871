import { t, type Infer } from '@tslambda/gob';

// aws-lambda-go's `lambda/messages` types as gob schemas: same names, fields,
// field order and package, so the bytes match a Go function's.
const pkg = { pkg: 'messages' };

/** `messages.PingRequest`. */
export const PingRequest = t.struct('PingRequest', {}, pkg);
/** `messages.PingResponse`. */
export const PingResponse = t.struct('PingResponse', {}, pkg);
/** `messages.InvokeRequest_Timestamp`: the deadline. */
export const InvokeRequestTimestamp = t.struct(
  'InvokeRequest_Timestamp',
  { Seconds: t.int64({ bigint: true }), Nanos: t.int64({ bigint: true }) },
  pkg,
);
/** `messages.InvokeRequest`. */
export const InvokeRequest = t.struct(
  'InvokeRequest',
  {
    Payload: t.bytes(),
    RequestId: t.string(),
    XAmznTraceId: t.string(),
    Deadline: InvokeRequestTimestamp,
    InvokedFunctionArn: t.string(),
    CognitoIdentityId: t.string(),
    CognitoIdentityPoolId: t.string(),
    ClientContext: t.bytes(),
  },
  pkg,
);
/** `messages.InvokeResponse_Error_StackFrame`. */
export const InvokeResponseErrorStackFrame = t.struct(
  'InvokeResponse_Error_StackFrame',
  { Path: t.string(), Line: t.int32(), Label: t.string() },
  pkg,
);
/** `messages.InvokeResponse_Error`. */
export const InvokeResponseError = t.struct(
  'InvokeResponse_Error',
  { Message: t.string(), Type: t.string(), StackTrace: t.slice(t.ptr(InvokeResponseErrorStackFrame)), ShouldExit: t.bool() },
  pkg,
);
/** `messages.InvokeResponse`. */
export const InvokeResponse = t.struct('InvokeResponse', { Payload: t.bytes(), Error: t.ptr(InvokeResponseError) }, pkg);

export type InvokeRequestValue = Infer<typeof InvokeRequest>;
export type InvokeResponseValue = Infer<typeof InvokeResponse>;
export type InvokeResponseErrorValue = Infer<typeof InvokeResponseError>;
