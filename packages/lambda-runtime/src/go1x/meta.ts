import type { InvocationMeta } from '../types.js';
import type { InvokeRequestValue } from './messages.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The deadline of an `InvokeRequest` in milliseconds since the epoch (Go's `time.Unix(Seconds, Nanos)`). */
export function deadlineMs(seconds: bigint, nanos: bigint): number {
  // Whole milliseconds, rounded down as Go's time.Time.UnixMilli does.
  const ms = seconds * 1000n + nanos / 1_000_000n - (nanos % 1_000_000n < 0n ? 1n : 0n);
  return Number(ms);
}

/** What an `InvokeRequest` says about the invocation, as the runtime's {@link InvocationMeta}. */
export function invocationMeta(req: InvokeRequestValue): InvocationMeta {
  const meta: InvocationMeta = {
    requestId: req.RequestId,
    deadlineMs: deadlineMs(req.Deadline.Seconds, req.Deadline.Nanos),
    invokedFunctionArn: req.InvokedFunctionArn,
  };
  if (req.XAmznTraceId !== '') meta.traceId = req.XAmznTraceId;
  if (req.ClientContext.length > 0) meta.clientContext = utf8.decode(req.ClientContext);
  if (req.CognitoIdentityId !== '' || req.CognitoIdentityPoolId !== '') {
    meta.identity = { cognitoIdentityId: req.CognitoIdentityId, cognitoIdentityPoolId: req.CognitoIdentityPoolId };
  }
  return meta;
}
