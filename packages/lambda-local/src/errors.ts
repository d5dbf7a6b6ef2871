/** Stable codes of {@link LocalLambdaError}. */
export type LocalLambdaErrorCode =
  | 'ERR_LOCAL_ENTRY'
  | 'ERR_LOCAL_OPTIONS'
  | 'ERR_LOCAL_PAYLOAD'
  | 'ERR_LOCAL_TOO_MANY_REQUESTS'
  | 'ERR_LOCAL_CLOSED'
  | 'ERR_LOCAL_EVENT_KIND';

/** Base class of the emulator's own errors (a function's errors are results, not throws). */
export class LocalLambdaError extends Error {
  override name = 'LocalLambdaError';
  constructor(
    message: string,
    readonly code: LocalLambdaErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The entry is neither a file nor a `file.handler` name that resolves. */
export class EntryNotFoundError extends LocalLambdaError {
  override name = 'EntryNotFoundError';
  constructor(message: string) {
    super(message, 'ERR_LOCAL_ENTRY');
  }
}

/** An option is out of range (timeout, memory, concurrency, port...). */
export class InvalidOptionError extends LocalLambdaError {
  override name = 'InvalidOptionError';
  constructor(message: string) {
    super(message, 'ERR_LOCAL_OPTIONS');
  }
}

/** The request payload is not JSON or is larger than Lambda accepts (Lambda's `InvalidRequestContentException` / `RequestTooLargeException`). */
export class InvalidPayloadError extends LocalLambdaError {
  override name = 'InvalidPayloadError';
  constructor(
    message: string,
    /** `InvalidRequestContentException` or `RequestTooLargeException`. */
    readonly awsType: 'InvalidRequestContentException' | 'RequestTooLargeException',
  ) {
    super(message, 'ERR_LOCAL_PAYLOAD');
  }
}

/** Every instance is busy and the queue is full (Lambda's `TooManyRequestsException`). */
export class TooManyRequestsError extends LocalLambdaError {
  override name = 'TooManyRequestsError';
  constructor(message = 'Rate Exceeded.') {
    super(message, 'ERR_LOCAL_TOO_MANY_REQUESTS');
  }
}

/** The function was closed. */
export class ClosedError extends LocalLambdaError {
  override name = 'ClosedError';
  constructor() {
    super('the local function is closed', 'ERR_LOCAL_CLOSED');
  }
}

/** `tslambda event <kind>` with a kind that has no sample. */
export class UnknownEventKindError extends LocalLambdaError {
  override name = 'UnknownEventKindError';
  constructor(kind: string, suggestions: string[]) {
    super(
      `no sample event "${kind}"${suggestions.length ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}; \`tslambda event --list\` lists them`,
      'ERR_LOCAL_EVENT_KIND',
    );
  }
}
