/** Base class of the errors this package throws; `code` is stable. */
export class GatewayError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatewayError';
    this.code = code;
  }
}

/** The event is not an HTTP event this package knows (API Gateway, ALB, Function URL, VPC Lattice). */
export class UnsupportedEventError extends GatewayError {
  constructor(message: string) {
    super('ERR_UNSUPPORTED_EVENT', message);
    this.name = 'UnsupportedEventError';
  }
}

/** The HTTP event is of a known kind but a field has the wrong type. */
export class InvalidHttpEventError extends GatewayError {
  /** Path of the offending field, e.g. `headers.accept`. */
  readonly field: string;
  constructor(field: string, message: string) {
    super('ERR_INVALID_HTTP_EVENT', `${field}: ${message}`);
    this.name = 'InvalidHttpEventError';
    this.field = field;
  }
}

/** A buffered response body grew past `maxResponseBytes`. */
export class ResponseTooLargeError extends GatewayError {
  readonly limit: number;
  constructor(limit: number) {
    super('ERR_RESPONSE_TOO_LARGE', `the response body is larger than ${limit} bytes; use handleStreaming() for large bodies`);
    this.name = 'ResponseTooLargeError';
    this.limit = limit;
  }
}

/** The handler returned something that is not a `Response`. */
export class InvalidResponseError extends GatewayError {
  constructor(message: string) {
    super('ERR_INVALID_RESPONSE', message);
    this.name = 'InvalidResponseError';
  }
}
