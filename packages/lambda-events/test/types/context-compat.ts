// Compile-time check (run by `tsc --noEmit` in `pnpm lint`): the structural
// LambdaContext accepts the Context of @types/aws-lambda, copied here field by
// field (the package does not depend on it), so handlers typed either way mix.
import type { Handler, LambdaContext, S3Handler } from '@tslambda/lambda-events';

interface TypesAwsLambdaCognitoIdentity {
  cognitoIdentityId: string;
  cognitoIdentityPoolId: string;
}
interface TypesAwsLambdaClientContext {
  client: { installationId: string; appTitle: string; appVersionName: string; appVersionCode: string; appPackageName: string };
  Custom?: unknown;
  env: { platformVersion: string; platform: string; make: string; model: string; locale: string };
}
interface TypesAwsLambdaContext {
  callbackWaitsForEmptyEventLoop: boolean;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  identity?: TypesAwsLambdaCognitoIdentity | undefined;
  clientContext?: TypesAwsLambdaClientContext | undefined;
  tenantId?: string | undefined;
  getRemainingTimeInMillis(): number;
  done(error?: Error, result?: unknown): void;
  fail(error: Error | string): void;
  succeed(messageOrObject: unknown): void;
}

declare const typesContext: TypesAwsLambdaContext;
export const asLambdaContext: LambdaContext = typesContext;

// A handler written for our context runs where the @types context is passed...
declare const ours: S3Handler;
export const runsWithTypesContext: S3Handler<TypesAwsLambdaContext> = ours;
// ...and a generic handler keeps its own context type.
export const generic: Handler<{ id: string }, string, TypesAwsLambdaContext> = (event, context) =>
  `${event.id} ${context.callbackWaitsForEmptyEventLoop}`;
