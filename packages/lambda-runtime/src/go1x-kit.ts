import { ByteSteps } from './byte-steps.js';
import { runWithContext } from './context.js';
import { RuntimeConfigError } from './errors.js';
import { toInvokeResponseError } from './format-error.js';
import { logInvokeError, runBuffered } from './invoke.js';
import { releaseBytes } from './json-bytes.js';
import { parsePayload } from './parse-payload.js';
import { isStreamingHandler, LambdaResponseStream, streamingOptions } from './stream.js';

/**
 * What the go1.x transport uses from the rest of the runtime. The loader hands
 * it over as one object, so the lazily loaded go1.x chunk imports nothing from
 * the entry: the entry stays one file (one module to resolve and load at
 * start-up) while classes and module state stay single.
 */
export const go1xKit = {
  ByteSteps,
  runWithContext,
  RuntimeConfigError,
  toInvokeResponseError,
  logInvokeError,
  runBuffered,
  releaseBytes,
  parsePayload,
  isStreamingHandler,
  LambdaResponseStream,
  streamingOptions,
};

export type Go1xKit = typeof go1xKit;
