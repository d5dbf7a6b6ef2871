/** Fields every Cognito user pool trigger event has. */
export interface BaseTriggerEvent<TTriggerSource extends string> {
  version: string;
  region: string;
  userPoolId: string;
  triggerSource: TTriggerSource;
  userName: string;
  callerContext: {
    awsSdkVersion: string;
    clientId: string;
  };
  request: object;
  response: object;
}

/** User attributes as Cognito sends them: names to string values. */
export interface StringMap {
  [name: string]: string;
}

/** One step of a custom authentication flow. */
export interface ChallengeResult {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata?: string;
}

export interface GroupOverrideDetails {
  groupsToOverride?: string[];
  iamRolesToOverride?: string[];
  preferredRole?: string | null;
}
