import type { PolicyDocument } from '../api-gateway/authorizer.js';
import type { Handler, LambdaContext } from '../handler.js';

/**
 * An AWS IoT button click.
 *
 * @example
 * ```ts
 * import type { IoTButtonHandler } from '@tslambda/lambda-events/iot';
 * export const handler: IoTButtonHandler = async (event) => console.log(event.clickType);
 * ```
 */
export interface IoTButtonEvent {
  serialNumber: string;
  clickType: 'SINGLE' | 'DOUBLE' | 'LONG';
  batteryVoltage: string;
}

/** An AWS IoT 1-Click device event. */
export interface IoTOneClickEvent {
  deviceEvent: {
    buttonClicked: {
      clickType: 'SINGLE' | 'DOUBLE' | 'LONG';
      reportedTime: string;
    };
  };
  deviceInfo: {
    attributes: Record<string, string>;
    type: string;
    deviceId: string;
    remainingLife: number;
  };
  placementInfo: {
    projectName: string;
    placementName: string;
    attributes: Record<string, string>;
    devices: Record<string, string>;
  };
}

/** An AWS IoT Core custom authorizer request. */
export interface IoTCustomAuthorizerEvent {
  token?: string;
  signatureVerified?: boolean;
  protocols: string[];
  protocolData: {
    tls?: { serverName: string };
    http?: { headers: Record<string, string>; queryString: string };
    mqtt?: { username?: string; password?: string; clientId: string };
  };
  connectionMetadata: {
    id: string;
  };
}

/** An AWS IoT Core custom authorizer response. Policies may be objects or JSON strings. */
export interface IoTCustomAuthorizerResult {
  isAuthenticated: boolean;
  principalId: string;
  disconnectAfterInSeconds: number;
  refreshAfterInSeconds: number;
  policyDocuments: Array<PolicyDocument | string>;
  context?: Record<string, string | number | boolean>;
}

/** An AWS IoT fleet provisioning pre-provisioning hook request. */
export interface IoTPreProvisioningHookEvent {
  claimCertificateId: string;
  certificateId: string;
  certificatePem: string;
  templateArn: string;
  clientId: string;
  parameters: Record<string, string>;
}

/** A pre-provisioning hook response. */
export interface IoTPreProvisioningHookResult {
  allowProvisioning: boolean;
  parameterOverrides?: Record<string, string>;
}

export type IoTButtonHandler<TContext = LambdaContext> = Handler<IoTButtonEvent, void, TContext>;
export type IoTOneClickHandler<TContext = LambdaContext> = Handler<IoTOneClickEvent, void, TContext>;
export type IoTCustomAuthorizerHandler<TContext = LambdaContext> = Handler<IoTCustomAuthorizerEvent, IoTCustomAuthorizerResult, TContext>;
export type IoTPreProvisioningHookHandler<TContext = LambdaContext> = Handler<IoTPreProvisioningHookEvent, IoTPreProvisioningHookResult, TContext>;
