import { field, isRecord } from '../internal/guard.js';
import type {
  CognitoSyncTriggerEvent,
  CreateAuthChallengeTriggerEvent,
  CustomEmailSenderTriggerEvent,
  CustomMessageTriggerEvent,
  CustomSMSSenderTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  InboundFederationTriggerEvent,
  PostAuthenticationTriggerEvent,
  PostConfirmationTriggerEvent,
  PreAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  UserMigrationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from './types.js';

/** A user pool trigger event whose `triggerSource` starts with `prefix`. */
function trigger(x: unknown, prefix: string): boolean {
  const source = field(x, 'triggerSource');
  return typeof source === 'string' && source.startsWith(prefix) && typeof field(x, 'userPoolId') === 'string';
}

/**
 * Pre sign-up trigger: `triggerSource` "PreSignUp_*".
 *
 * @example
 * ```ts
 * if (isPreSignUpTriggerEvent(event)) event.response.autoConfirmUser = true;
 * ```
 */
export function isPreSignUpTriggerEvent(x: unknown): x is PreSignUpTriggerEvent {
  return trigger(x, 'PreSignUp_');
}
/** Post confirmation trigger: "PostConfirmation_*". */
export function isPostConfirmationTriggerEvent(x: unknown): x is PostConfirmationTriggerEvent {
  return trigger(x, 'PostConfirmation_');
}
/** Pre authentication trigger: "PreAuthentication_*". */
export function isPreAuthenticationTriggerEvent(x: unknown): x is PreAuthenticationTriggerEvent {
  return trigger(x, 'PreAuthentication_');
}
/** Post authentication trigger: "PostAuthentication_*". */
export function isPostAuthenticationTriggerEvent(x: unknown): x is PostAuthenticationTriggerEvent {
  return trigger(x, 'PostAuthentication_');
}
/** Define auth challenge trigger: "DefineAuthChallenge_*". */
export function isDefineAuthChallengeTriggerEvent(x: unknown): x is DefineAuthChallengeTriggerEvent {
  return trigger(x, 'DefineAuthChallenge_');
}
/** Create auth challenge trigger: "CreateAuthChallenge_*". */
export function isCreateAuthChallengeTriggerEvent(x: unknown): x is CreateAuthChallengeTriggerEvent {
  return trigger(x, 'CreateAuthChallenge_');
}
/** Verify auth challenge response trigger: "VerifyAuthChallengeResponse_*". */
export function isVerifyAuthChallengeResponseTriggerEvent(x: unknown): x is VerifyAuthChallengeResponseTriggerEvent {
  return trigger(x, 'VerifyAuthChallengeResponse_');
}
/** User migration trigger: "UserMigration_*". */
export function isUserMigrationTriggerEvent(x: unknown): x is UserMigrationTriggerEvent {
  return trigger(x, 'UserMigration_');
}
/** Custom message trigger: "CustomMessage_*". */
export function isCustomMessageTriggerEvent(x: unknown): x is CustomMessageTriggerEvent {
  return trigger(x, 'CustomMessage_');
}
/** Custom email sender trigger: "CustomEmailSender_*". */
export function isCustomEmailSenderTriggerEvent(x: unknown): x is CustomEmailSenderTriggerEvent {
  return trigger(x, 'CustomEmailSender_');
}
/** Custom SMS sender trigger: "CustomSMSSender_*". */
export function isCustomSMSSenderTriggerEvent(x: unknown): x is CustomSMSSenderTriggerEvent {
  return trigger(x, 'CustomSMSSender_');
}
/** Inbound federation trigger: "InboundFederation_*". */
export function isInboundFederationTriggerEvent(x: unknown): x is InboundFederationTriggerEvent {
  return trigger(x, 'InboundFederation_');
}

/**
 * Pre token generation, event version 2 or 3: "TokenGeneration_*" with a
 * `version` other than "1", or version 1 with `request.scopes` or a
 * `claimsAndScopeOverrideDetails` response (a V2-configured trigger).
 */
export function isPreTokenGenerationV2TriggerEvent(x: unknown): x is PreTokenGenerationV2TriggerEvent {
  if (!trigger(x, 'TokenGeneration_')) return false;
  return field(x, 'version') !== '1' || Array.isArray(field(field(x, 'request'), 'scopes')) || isRecord(field(field(x, 'response'), 'claimsAndScopeOverrideDetails'));
}

/** Pre token generation, event version 1: "TokenGeneration_*" and not version 2 (see above). */
export function isPreTokenGenerationTriggerEvent(x: unknown): x is PreTokenGenerationTriggerEvent {
  return trigger(x, 'TokenGeneration_') && !isPreTokenGenerationV2TriggerEvent(x);
}

/** A Cognito Sync trigger: `eventType` "SyncTrigger" and `datasetRecords`. */
export function isCognitoSyncTriggerEvent(x: unknown): x is CognitoSyncTriggerEvent {
  return field(x, 'eventType') === 'SyncTrigger' && isRecord(field(x, 'datasetRecords'));
}
