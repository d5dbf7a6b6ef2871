import type { Handler, LambdaContext } from '../handler.js';

export interface ConnectEndpoint {
  Address: string;
  Type: string;
}

export interface ConnectContactData {
  Attributes: Record<string, string>;
  /** VOICE, CHAT, TASK, EMAIL... */
  Channel: string;
  ContactId: string;
  CustomerEndpoint: ConnectEndpoint | null;
  CustomerId?: string;
  Description?: string;
  InitialContactId: string;
  /** INBOUND, OUTBOUND, TRANSFER, CALLBACK, API, QUEUE_TRANSFER, DISCONNECT... */
  InitiationMethod: string;
  InstanceARN: string;
  LanguageCode?: string;
  /** Live media streaming: the customer's audio in Kinesis Video Streams. */
  MediaStreams?: {
    Customer: {
      Audio: {
        StartFragmentNumber: string | null;
        StartTimestamp: string | null;
        StreamARN: string | null;
        StopFragmentNumber?: string | null;
        StopTimestamp?: string | null;
      } | null;
    };
  };
  Name?: string;
  PreviousContactId: string;
  Queue?: {
    ARN: string;
    Name: string;
    OutboundCallerId?: {
      Address: string;
      Type: string;
    };
  } | null;
  References?: Record<string, { Type: string; Value: string }>;
  RelatedContactId?: string | null;
  /** System and user-defined segment attributes (`connect:Subtype`...), each a typed value. */
  SegmentAttributes?: Record<string, { ValueString?: string; ValueInteger?: number; ValueMap?: Record<string, unknown> }>;
  SystemEndpoint: ConnectEndpoint | null;
  Tags?: Record<string, string>;
}

/**
 * An Amazon Connect contact flow invocation.
 *
 * @example
 * ```ts
 * import type { ConnectContactFlowHandler } from '@tslambda/lambda-events/connect';
 * export const handler: ConnectContactFlowHandler = async (event) => ({ channel: event.Details.ContactData.Channel });
 * ```
 */
export interface ConnectContactFlowEvent {
  Name: 'ContactFlowEvent';
  Details: {
    ContactData: ConnectContactData;
    Parameters: Record<string, string>;
  };
}

/** What a contact flow function returns: flat string attributes. */
export interface ConnectContactFlowResult {
  [name: string]: string | null;
}

export type ConnectContactFlowHandler<TContext = LambdaContext> = Handler<ConnectContactFlowEvent, ConnectContactFlowResult | void, TContext>;
