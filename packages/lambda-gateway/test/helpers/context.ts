import { createContext, type Context } from '@tslambda/lambda-runtime';

/** A real runtime Context for direct handler calls. */
export function lambdaContext(): Context {
  return createContext(
    { requestId: 'req-1', deadlineMs: Date.now() + 30_000, invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn' },
    { functionName: 'fn', functionVersion: '$LATEST', memoryLimitInMB: '128', logGroupName: '/aws/lambda/fn', logStreamName: 's' },
  );
}
