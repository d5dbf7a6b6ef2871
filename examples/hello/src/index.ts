// The original Lambda hello, as in aws-lambda-go's and the Rust runtime's first example.
import { start } from '@tslambda/lambda';

start(async () => 'Hello ƛ!');
