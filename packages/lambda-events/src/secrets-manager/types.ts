import type { Handler, LambdaContext } from '../handler.js';

/**
 * A Secrets Manager rotation step.
 *
 * @example
 * ```ts
 * import type { SecretsManagerRotationHandler } from '@tslambda/lambda-events/secrets-manager';
 * export const handler: SecretsManagerRotationHandler = async (event) => console.log(event.Step, event.SecretId);
 * ```
 */
export interface SecretsManagerRotationEvent {
  Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
  SecretId: string;
  ClientRequestToken: string;
  /** Present when Secrets Manager rotates with a token for the rotation function's own calls. */
  RotationToken?: string;
}

export type SecretsManagerRotationHandler<TContext = LambdaContext> = Handler<SecretsManagerRotationEvent, void, TContext>;
