import { describe, expect, it } from 'vitest';
import * as runtime from '@tslambda/lambda-runtime';
import * as gatewayPkg from '@tslambda/lambda-gateway';
import * as eventsPkg from '@tslambda/lambda-events';
import * as lambda from '@tslambda/lambda';
import * as gatewaySub from '@tslambda/lambda/gateway';
import * as eventsSub from '@tslambda/lambda/events';
import type { Context, S3Event, SQSBatchResponse, APIGatewayProxyEventV2 } from '@tslambda/lambda';

describe('@tslambda/lambda', () => {
  it('re-exports the runtime at the top level', () => {
    expect(lambda.start).toBe(runtime.start);
    expect(lambda.currentContext).toBe(runtime.currentContext);
    expect(lambda.logger).toBe(runtime.logger);
    expect(lambda.streamifyResponse).toBe(runtime.streamifyResponse);
    for (const name of Object.keys(runtime)) expect(lambda).toHaveProperty(name, (runtime as Record<string, unknown>)[name]);
  });

  it('exposes the gateway as `gateway` and at /gateway', () => {
    expect(lambda.gateway.start).toBe(gatewayPkg.start);
    expect(lambda.gateway.handle).toBe(gatewayPkg.handle);
    expect(Object.keys(lambda.gateway).sort()).toEqual(Object.keys(gatewayPkg).sort());
    expect(Object.keys(gatewaySub).sort()).toEqual(Object.keys(gatewayPkg).sort());
  });

  it('exposes event guards and helpers as `events` and at /events', () => {
    expect(lambda.events.isS3Event).toBe(eventsPkg.isS3Event);
    expect(lambda.events.batchItemFailures).toBe(eventsPkg.batchItemFailures);
    expect(Object.keys(eventsSub).sort()).toEqual(Object.keys(eventsPkg).sort());
  });

  it('types a handler with event types from one import', async () => {
    const handler = async (event: S3Event, context: Pick<Context, 'awsRequestId'>): Promise<SQSBatchResponse> => ({
      batchItemFailures: event.Records.map((r) => ({ itemIdentifier: `${context.awsRequestId}:${lambda.events.decodeS3Key(r.s3.object.key)}` })),
    });
    const record = { s3: { object: { key: 'a+b%21.txt' } } } as S3Event['Records'][number];
    expect(await handler({ Records: [record] }, { awsRequestId: 'r1' })).toEqual({ batchItemFailures: [{ itemIdentifier: 'r1:a b!.txt' }] });
    const http = (e: Pick<APIGatewayProxyEventV2, 'rawPath'>) => e.rawPath;
    expect(http({ rawPath: '/x' })).toBe('/x');
  });
});
