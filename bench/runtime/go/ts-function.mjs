// The TS peer of the go1.x benchmark: the tslambda runtime with an echo handler (what a user writes).
import { start } from '@tslambda/lambda-runtime';

start(async (event) => event);
