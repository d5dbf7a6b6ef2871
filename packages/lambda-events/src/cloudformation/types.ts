import type { JsonValue } from '../common.js';
import type { Handler, LambdaContext } from '../handler.js';

/** The resource's properties as written in the template (strings, lists and maps). */
export interface CloudFormationCustomResourceProperties {
  ServiceToken?: string;
  [name: string]: JsonValue | undefined;
}

export interface CloudFormationCustomResourceEventCommon<TProperties = CloudFormationCustomResourceProperties> {
  /** The function's ARN; also inside ResourceProperties. Absent in older payloads. */
  ServiceToken?: string;
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  ResourceType: string;
  ResourceProperties: TProperties;
}

export interface CloudFormationCustomResourceCreateEvent<TProperties = CloudFormationCustomResourceProperties>
  extends CloudFormationCustomResourceEventCommon<TProperties> {
  RequestType: 'Create';
}

export interface CloudFormationCustomResourceUpdateEvent<
  TProperties = CloudFormationCustomResourceProperties,
  TOldProperties = TProperties,
> extends CloudFormationCustomResourceEventCommon<TProperties> {
  RequestType: 'Update';
  PhysicalResourceId: string;
  OldResourceProperties: TOldProperties;
}

export interface CloudFormationCustomResourceDeleteEvent<TProperties = CloudFormationCustomResourceProperties>
  extends CloudFormationCustomResourceEventCommon<TProperties> {
  RequestType: 'Delete';
  PhysicalResourceId: string;
}

/**
 * A CloudFormation custom resource request (Create, Update or Delete).
 *
 * @example
 * ```ts
 * import type { CloudFormationCustomResourceHandler } from '@tslambda/lambda-events/cloudformation';
 * export const handler: CloudFormationCustomResourceHandler = async (event) => {
 *   if (event.RequestType === 'Delete') console.log(event.PhysicalResourceId);
 * };
 * ```
 */
export type CloudFormationCustomResourceEvent<TProperties = CloudFormationCustomResourceProperties, TOldProperties = TProperties> =
  | CloudFormationCustomResourceCreateEvent<TProperties>
  | CloudFormationCustomResourceUpdateEvent<TProperties, TOldProperties>
  | CloudFormationCustomResourceDeleteEvent<TProperties>;

/** The response body PUT to `ResponseURL`. */
export interface CloudFormationCustomResourceResponse<TData = { [name: string]: JsonValue }> {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  NoEcho?: boolean;
  Data?: TData;
}

export type CloudFormationCustomResourceHandler<TContext = LambdaContext> = Handler<CloudFormationCustomResourceEvent, void, TContext>;

/**
 * A request to a CDK custom resource provider's `onEvent` function: the
 * CloudFormation request, which the provider framework may pass without `ResponseURL`.
 */
export type CdkCustomResourceEvent<TProperties = CloudFormationCustomResourceProperties, TOldProperties = TProperties> =
  | (Omit<CloudFormationCustomResourceCreateEvent<TProperties>, 'ResponseURL'> & { ResponseURL?: string })
  | (Omit<CloudFormationCustomResourceUpdateEvent<TProperties, TOldProperties>, 'ResponseURL'> & { ResponseURL?: string })
  | (Omit<CloudFormationCustomResourceDeleteEvent<TProperties>, 'ResponseURL'> & { ResponseURL?: string });

/** What a CDK provider `onEvent` function returns. */
export interface CdkCustomResourceResponse<TData = { [name: string]: JsonValue }> {
  PhysicalResourceId?: string;
  Data?: TData;
  NoEcho?: boolean;
  Reason?: string;
}

/** A CDK provider `isComplete` request: the `onEvent` request plus its response. */
export type CdkCustomResourceIsCompleteEvent<TProperties = CloudFormationCustomResourceProperties> = CdkCustomResourceEvent<TProperties> &
  CdkCustomResourceResponse;

export interface CdkCustomResourceIsCompleteResult<TData = { [name: string]: JsonValue }> {
  IsComplete: boolean;
  Data?: TData;
}

export type CdkCustomResourceHandler<TContext = LambdaContext> = Handler<CdkCustomResourceEvent, CdkCustomResourceResponse, TContext>;
export type CdkCustomResourceIsCompleteHandler<TContext = LambdaContext> = Handler<
  CdkCustomResourceIsCompleteEvent,
  CdkCustomResourceIsCompleteResult,
  TContext
>;
