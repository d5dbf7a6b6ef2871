import type { JsonValue } from '../common.js';
import type { Handler, LambdaContext } from '../handler.js';
import type { BaseTriggerEvent, ChallengeResult, GroupOverrideDetails, StringMap } from './common.js';

export type { BaseTriggerEvent, ChallengeResult, GroupOverrideDetails, StringMap } from './common.js';

/** Pre sign-up trigger. */
export interface PreSignUpTriggerEvent
  extends BaseTriggerEvent<'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider'> {
  request: {
    userAttributes: StringMap;
    validationData?: StringMap;
    clientMetadata?: StringMap;
  };
  response: {
    autoConfirmUser: boolean;
    autoVerifyEmail: boolean;
    autoVerifyPhone: boolean;
  };
}

/** Post confirmation trigger. */
export interface PostConfirmationTriggerEvent
  extends BaseTriggerEvent<'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword'> {
  request: {
    userAttributes: StringMap;
    clientMetadata?: StringMap;
  };
  response: Record<string, never>;
}

/** Pre authentication trigger. */
export interface PreAuthenticationTriggerEvent extends BaseTriggerEvent<'PreAuthentication_Authentication'> {
  request: {
    userAttributes: StringMap;
    userNotFound?: boolean;
    validationData?: StringMap;
  };
  response: Record<string, never>;
}

/** Post authentication trigger. */
export interface PostAuthenticationTriggerEvent extends BaseTriggerEvent<'PostAuthentication_Authentication'> {
  request: {
    userAttributes: StringMap;
    newDeviceUsed: boolean;
    clientMetadata?: StringMap;
  };
  response: Record<string, never>;
}

/** Define auth challenge trigger (custom authentication). */
export interface DefineAuthChallengeTriggerEvent extends BaseTriggerEvent<'DefineAuthChallenge_Authentication'> {
  request: {
    userAttributes: StringMap;
    session: ChallengeResult[];
    clientMetadata?: StringMap;
    userNotFound?: boolean;
  };
  response: {
    challengeName?: string;
    failAuthentication?: boolean;
    issueTokens?: boolean;
  };
}

/** Create auth challenge trigger (custom authentication). */
export interface CreateAuthChallengeTriggerEvent extends BaseTriggerEvent<'CreateAuthChallenge_Authentication'> {
  request: {
    userAttributes: StringMap;
    challengeName: string;
    session: ChallengeResult[];
    clientMetadata?: StringMap;
    userNotFound?: boolean;
  };
  response: {
    publicChallengeParameters?: StringMap;
    privateChallengeParameters?: StringMap;
    challengeMetadata?: string;
  };
}

/** Verify auth challenge response trigger (custom authentication). `answerCorrect` is null until the function sets it. */
export interface VerifyAuthChallengeResponseTriggerEvent extends BaseTriggerEvent<'VerifyAuthChallengeResponse_Authentication'> {
  request: {
    userAttributes: StringMap;
    privateChallengeParameters: StringMap;
    challengeAnswer: string;
    clientMetadata?: StringMap;
    userNotFound?: boolean;
  };
  response: {
    answerCorrect?: boolean | null;
  };
}

export type PreTokenGenerationTriggerSource =
  | 'TokenGeneration_HostedAuth'
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_AuthenticateDevice'
  | 'TokenGeneration_RefreshTokens'
  | 'TokenGeneration_ClientCredentials';

/** Version 1 response: ID token claims and groups. */
export interface ClaimsOverrideDetails {
  claimsToAddOrOverride?: StringMap;
  claimsToSuppress?: string[];
  groupOverrideDetails?: GroupOverrideDetails;
}

/** Pre token generation trigger, event version 1 (ID token only). */
export interface PreTokenGenerationTriggerEvent extends BaseTriggerEvent<PreTokenGenerationTriggerSource> {
  request: {
    userAttributes: StringMap;
    groupConfiguration: GroupOverrideDetails;
    clientMetadata?: StringMap;
  };
  response: {
    claimsOverrideDetails?: ClaimsOverrideDetails | null;
  };
}

/** Claims and scopes to change in one token (version 2). Claim values may be any JSON. */
export interface TokenClaimsAndScopeOverride {
  claimsToAddOrOverride?: { [claim: string]: JsonValue };
  claimsToSuppress?: string[];
  scopesToAdd?: string[];
  scopesToSuppress?: string[];
}

/** Version 2 response: ID and access token customisation. */
export interface ClaimsAndScopeOverrideDetails {
  idTokenGeneration?: TokenClaimsAndScopeOverride;
  accessTokenGeneration?: TokenClaimsAndScopeOverride;
  groupOverrideDetails?: GroupOverrideDetails;
}

/**
 * Pre token generation trigger, event versions 2 and 3 (access token
 * customisation). The response may also hold a version 1 `claimsOverrideDetails`.
 */
export interface PreTokenGenerationV2TriggerEvent extends BaseTriggerEvent<PreTokenGenerationTriggerSource> {
  request: {
    userAttributes: StringMap;
    groupConfiguration: GroupOverrideDetails;
    scopes?: string[];
    clientMetadata?: StringMap;
  };
  response: {
    claimsOverrideDetails?: ClaimsOverrideDetails | null;
    claimsAndScopeOverrideDetails?: ClaimsAndScopeOverrideDetails | null;
  };
}

/** User migration trigger. */
export interface UserMigrationTriggerEvent extends BaseTriggerEvent<'UserMigration_Authentication' | 'UserMigration_ForgotPassword'> {
  request: {
    password?: string;
    validationData?: StringMap;
    clientMetadata?: StringMap;
  };
  response: {
    userAttributes?: StringMap;
    finalUserStatus?: 'CONFIRMED' | 'RESET_REQUIRED';
    messageAction?: 'RESEND' | 'SUPPRESS';
    desiredDeliveryMediums?: Array<'SMS' | 'EMAIL'>;
    forceAliasCreation?: boolean;
    enableSMSMFA?: boolean;
  };
}

export type CustomMessageTriggerSource =
  | 'CustomMessage_SignUp'
  | 'CustomMessage_AdminCreateUser'
  | 'CustomMessage_ResendCode'
  | 'CustomMessage_ForgotPassword'
  | 'CustomMessage_UpdateUserAttribute'
  | 'CustomMessage_VerifyUserAttribute'
  | 'CustomMessage_Authentication';

/**
 * Custom message trigger. Attribute values are strings as Cognito sends them;
 * the documentation's sample shows booleans for `*_verified`, accepted too.
 */
export interface CustomMessageTriggerEvent extends BaseTriggerEvent<CustomMessageTriggerSource> {
  request: {
    userAttributes: { [name: string]: string | boolean };
    codeParameter: string;
    usernameParameter: string | null;
    linkParameter?: string;
    clientMetadata?: StringMap;
  };
  response: {
    smsMessage: string | null;
    emailMessage: string | null;
    emailSubject: string | null;
  };
}

/** Inbound federation trigger: attributes from an OIDC or SAML identity provider. */
export interface InboundFederationTriggerEvent extends BaseTriggerEvent<'InboundFederation_ExternalProvider'> {
  request: {
    providerName: string;
    providerType: 'OIDC' | 'SAML' | (string & {});
    attributes: {
      tokenResponse?: StringMap;
      idToken?: StringMap;
      userInfo?: StringMap;
      samlResponse?: StringMap;
    };
  };
  response: {
    userAttributesToMap?: StringMap;
  };
}

/** Custom email sender trigger: `code` is encrypted with the pool's KMS key (decrypt it before sending). */
export interface CustomEmailSenderTriggerEvent
  extends BaseTriggerEvent<
    | 'CustomEmailSender_SignUp'
    | 'CustomEmailSender_ResendCode'
    | 'CustomEmailSender_ForgotPassword'
    | 'CustomEmailSender_UpdateUserAttribute'
    | 'CustomEmailSender_VerifyUserAttribute'
    | 'CustomEmailSender_AdminCreateUser'
    | 'CustomEmailSender_AccountTakeOverNotification'
    | 'CustomEmailSender_Authentication'
  > {
  request: {
    type: string;
    code: string | null;
    clientMetadata?: StringMap;
    userAttributes: { [name: string]: string | boolean };
  };
  response: Record<string, never>;
}

/** Custom SMS sender trigger: `code` is encrypted with the pool's KMS key. */
export interface CustomSMSSenderTriggerEvent
  extends BaseTriggerEvent<
    | 'CustomSMSSender_SignUp'
    | 'CustomSMSSender_ResendCode'
    | 'CustomSMSSender_ForgotPassword'
    | 'CustomSMSSender_UpdateUserAttribute'
    | 'CustomSMSSender_VerifyUserAttribute'
    | 'CustomSMSSender_AdminCreateUser'
    | 'CustomSMSSender_AccountTakeOverNotification'
    | 'CustomSMSSender_Authentication'
  > {
  request: {
    type: string;
    code: string | null;
    clientMetadata?: StringMap;
    userAttributes: { [name: string]: string | boolean };
  };
  response: Record<string, never>;
}

export type PreSignUpTriggerHandler<TContext = LambdaContext> = Handler<PreSignUpTriggerEvent, PreSignUpTriggerEvent, TContext>;
export type PostConfirmationTriggerHandler<TContext = LambdaContext> = Handler<PostConfirmationTriggerEvent, PostConfirmationTriggerEvent, TContext>;
export type PreAuthenticationTriggerHandler<TContext = LambdaContext> = Handler<PreAuthenticationTriggerEvent, PreAuthenticationTriggerEvent, TContext>;
export type PostAuthenticationTriggerHandler<TContext = LambdaContext> = Handler<PostAuthenticationTriggerEvent, PostAuthenticationTriggerEvent, TContext>;
export type DefineAuthChallengeTriggerHandler<TContext = LambdaContext> = Handler<DefineAuthChallengeTriggerEvent, DefineAuthChallengeTriggerEvent, TContext>;
export type CreateAuthChallengeTriggerHandler<TContext = LambdaContext> = Handler<CreateAuthChallengeTriggerEvent, CreateAuthChallengeTriggerEvent, TContext>;
export type VerifyAuthChallengeResponseTriggerHandler<TContext = LambdaContext> = Handler<
  VerifyAuthChallengeResponseTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
  TContext
>;
export type PreTokenGenerationTriggerHandler<TContext = LambdaContext> = Handler<PreTokenGenerationTriggerEvent, PreTokenGenerationTriggerEvent, TContext>;
export type PreTokenGenerationV2TriggerHandler<TContext = LambdaContext> = Handler<
  PreTokenGenerationV2TriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  TContext
>;
export type UserMigrationTriggerHandler<TContext = LambdaContext> = Handler<UserMigrationTriggerEvent, UserMigrationTriggerEvent, TContext>;
export type CustomMessageTriggerHandler<TContext = LambdaContext> = Handler<CustomMessageTriggerEvent, CustomMessageTriggerEvent, TContext>;
export type CustomEmailSenderTriggerHandler<TContext = LambdaContext> = Handler<CustomEmailSenderTriggerEvent, void, TContext>;
export type CustomSMSSenderTriggerHandler<TContext = LambdaContext> = Handler<CustomSMSSenderTriggerEvent, void, TContext>;
export type InboundFederationTriggerHandler<TContext = LambdaContext> = Handler<InboundFederationTriggerEvent, InboundFederationTriggerEvent, TContext>;

/** A Cognito Sync trigger (legacy Cognito Sync datasets). */
export interface CognitoSyncTriggerEvent {
  version: number;
  eventType: 'SyncTrigger';
  region: string;
  identityPoolId: string;
  identityId: string;
  datasetName: string;
  datasetRecords: {
    [key: string]: {
      oldValue: string;
      newValue: string;
      op: 'replace' | 'remove';
    };
  };
}

export type CognitoSyncTriggerHandler<TContext = LambdaContext> = Handler<CognitoSyncTriggerEvent, CognitoSyncTriggerEvent, TContext>;
