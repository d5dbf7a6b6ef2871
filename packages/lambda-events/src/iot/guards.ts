import { field, isRecord } from '../internal/guard.js';
import type { IoTButtonEvent, IoTCustomAuthorizerEvent, IoTOneClickEvent, IoTPreProvisioningHookEvent } from './types.js';

/**
 * An IoT button click: `serialNumber`, `clickType` and `batteryVoltage`.
 *
 * @example
 * ```ts
 * if (isIoTButtonEvent(event)) console.log(event.serialNumber);
 * ```
 */
export function isIoTButtonEvent(x: unknown): x is IoTButtonEvent {
  return typeof field(x, 'serialNumber') === 'string' && typeof field(x, 'clickType') === 'string' && typeof field(x, 'batteryVoltage') === 'string';
}

/** An IoT 1-Click event: `deviceEvent` and `deviceInfo`. */
export function isIoTOneClickEvent(x: unknown): x is IoTOneClickEvent {
  return isRecord(field(x, 'deviceEvent')) && isRecord(field(x, 'deviceInfo'));
}

/** An IoT Core custom authorizer request: `protocolData` and `connectionMetadata`. */
export function isIoTCustomAuthorizerEvent(x: unknown): x is IoTCustomAuthorizerEvent {
  return isRecord(field(x, 'protocolData')) && isRecord(field(x, 'connectionMetadata'));
}

/** A pre-provisioning hook request: `claimCertificateId` and `templateArn`. */
export function isIoTPreProvisioningHookEvent(x: unknown): x is IoTPreProvisioningHookEvent {
  return typeof field(x, 'claimCertificateId') === 'string' && typeof field(x, 'templateArn') === 'string';
}
