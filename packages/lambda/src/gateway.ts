export * from '@tslambda/lambda-gateway';
