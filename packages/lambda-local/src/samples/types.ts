/** A sample event. */
export interface Sample {
  /** The `@tslambda/lambda-events` type it satisfies. */
  type: string;
  description: string;
  event: unknown;
}
