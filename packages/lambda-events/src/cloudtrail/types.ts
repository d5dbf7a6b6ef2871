import type { JsonObject, JsonValue } from '../common.js';
import type { EventBridgeEvent } from '../eventbridge/types.js';
import type { Handler, LambdaContext } from '../handler.js';

export interface CloudTrailSessionIssuer {
  type: string;
  principalId: string;
  arn: string;
  accountId: string;
  userName?: string;
}

export interface CloudTrailSessionContext {
  sessionIssuer?: CloudTrailSessionIssuer;
  webIdFederationData?: {
    federatedProvider?: string;
    attributes?: Record<string, string>;
  };
  attributes?: {
    creationDate: string;
    mfaAuthenticated: string;
  };
  sourceIdentity?: string;
  ec2RoleDelivery?: string;
  assumedRoot?: string;
}

/** Who made the call; fields depend on `type` (Root, IAMUser, AssumedRole, FederatedUser, AWSService, Unknown...). */
export interface CloudTrailUserIdentity {
  type: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  sessionContext?: CloudTrailSessionContext;
  invokedBy?: string;
  identityProvider?: string;
  credentialId?: string;
  onBehalfOf?: {
    userId: string;
    identityStoreArn: string;
  };
  inScopeOf?: {
    issuerType: string;
    credentialsIssuedTo?: string;
    sourceArn?: string;
    sourceAccount?: string;
  };
}

/**
 * A CloudTrail record: the `detail` of an "AWS API Call via CloudTrail" (or
 * "AWS Console Sign In via CloudTrail", "AWS Service Event via CloudTrail")
 * EventBridge event. Request and response contents are free-form JSON.
 */
export interface CloudTrailEventDetail {
  eventVersion: string;
  userIdentity: CloudTrailUserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent?: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: JsonObject | null;
  responseElements: JsonObject | null;
  additionalEventData?: JsonObject;
  requestID?: string;
  eventID: string;
  readOnly?: boolean;
  resources?: Array<{ ARN?: string; accountId?: string; type?: string }>;
  eventType: string;
  apiVersion?: string;
  managementEvent?: boolean;
  recipientAccountId?: string;
  sharedEventID?: string;
  vpcEndpointId?: string;
  vpcEndpointAccountId?: string;
  serviceEventDetails?: JsonObject;
  eventCategory?: string;
  sessionCredentialFromConsole?: string;
  tlsDetails?: {
    tlsVersion: string;
    cipherSuite: string;
    clientProvidedHostHeader: string;
  };
  addendum?: JsonObject;
  edgeDeviceDetails?: JsonValue;
  insightDetails?: JsonObject;
}

/** A CloudTrail-recorded API call delivered by EventBridge. */
export type AWSAPICallViaCloudTrailEvent = EventBridgeEvent<'AWS API Call via CloudTrail', CloudTrailEventDetail>;

export type AWSAPICallViaCloudTrailHandler<TContext = LambdaContext> = Handler<AWSAPICallViaCloudTrailEvent, void, TContext>;
