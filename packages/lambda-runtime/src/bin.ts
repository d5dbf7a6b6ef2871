// tslambda-runtime: a drop-in for aws-lambda-ric. Loads `_HANDLER` (or the
// first argument) under `LAMBDA_TASK_ROOT` and runs it with start().
import { MalformedHandlerNameError } from './errors.js';
import { loadHandler } from './load-handler.js';
import { start } from './start.js';
import { httpResponseStream, streamifyResponse } from './stream.js';

// Handlers written for the Node.js runtime use the `awslambda` global.
(globalThis as Record<string, unknown>).awslambda ??= {
  streamifyResponse,
  HttpResponseStream: { from: httpResponseStream },
};

const handlerName = process.argv[2] || process.env._HANDLER;
const root = process.env.LAMBDA_TASK_ROOT || process.cwd();
const handler = handlerName
  ? loadHandler(root, handlerName)
  : Promise.reject(new MalformedHandlerNameError('no handler: set _HANDLER (e.g. index.handler) or pass it as the first argument'));
// start() awaits it after installing its error reporting; mark it handled meanwhile.
handler.catch(() => {});
void start(handler);
