import { t, type Infer } from '@tslambda/gob';

// aws-lambda-go's lambda/messages types, as gob sees them (package `messages`).

/** `messages.PingRequest`. */
export const PingRequest = t.struct('PingRequest', {}, { pkg: 'messages' });
/** `messages.PingResponse`. */
export const PingResponse = t.struct('PingResponse', {}, { pkg: 'messages' });
/** `messages.InvokeRequest_Timestamp`: the deadline. */
export const InvokeRequestTimestamp = t.struct(
  'InvokeRequest_Timestamp',
  { Seconds: t.int64(), Nanos: t.int64() },
  { pkg: 'messages' },
);
/** `messages.InvokeRequest`: the argument of `Function.Invoke`. */
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
  { pkg: 'messages' },
);
/** `messages.InvokeResponse_Error_StackFrame`. */
export const StackFrame = t.struct('InvokeResponse_Error_StackFrame', { Path: t.string(), Line: t.int32(), Label: t.string() }, { pkg: 'messages' });
/** `messages.InvokeResponse_Error`. */
export const InvokeResponseError = t.struct(
  'InvokeResponse_Error',
  { Message: t.string(), Type: t.string(), StackTrace: t.slice(t.ptr(StackFrame)), ShouldExit: t.bool() },
  { pkg: 'messages' },
);
/** `messages.InvokeResponse`: the reply of `Function.Invoke`. */
export const InvokeResponse = t.struct('InvokeResponse', { Payload: t.bytes(), Error: t.ptr(InvokeResponseError) }, { pkg: 'messages' });

export type InvokeRequestValue = Infer<typeof InvokeRequest>;
export type InvokeResponseValue = Infer<typeof InvokeResponse>;
