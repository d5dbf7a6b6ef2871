export * from '@tslambda/lambda-events';
