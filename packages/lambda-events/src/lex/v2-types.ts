import type { Handler, LambdaContext } from '../handler.js';

export interface LexV2Bot {
  id: string;
  name: string;
  aliasId: string;
  aliasName?: string;
  localeId: string;
  version: string;
}

export interface LexV2SlotValue {
  originalValue: string;
  interpretedValue: string;
  resolvedValues: string[];
}

/** A slot: a scalar value, a list of values, or composite sub-slots. */
export interface LexV2Slot {
  shape?: 'Scalar' | 'List' | 'Composite';
  value?: LexV2SlotValue;
  values?: LexV2Slot[];
  subSlots?: LexV2Slots;
}

export interface LexV2Slots {
  [name: string]: LexV2Slot | null;
}

export interface LexV2Intent {
  confirmationState: 'Confirmed' | 'Denied' | 'None';
  name: string;
  slots: LexV2Slots;
  state: 'Failed' | 'Fulfilled' | 'FulfillmentInProgress' | 'InProgress' | 'ReadyForFulfillment' | 'Waiting';
  kendraResponse?: unknown;
}

export interface LexV2Interpretation {
  intent: LexV2Intent;
  nluConfidence?: { score: number };
  sentimentResponse?: {
    sentiment: string;
    sentimentScore: { mixed: number; negative: number; neutral: number; positive: number };
  };
  interpretationSource?: string;
}

export interface LexV2ActiveContext {
  name: string;
  contextAttributes: Record<string, string>;
  timeToLive: { timeToLiveInSeconds: number; turnsToLive: number };
}

export interface LexV2DialogAction {
  type: 'Close' | 'ConfirmIntent' | 'Delegate' | 'ElicitIntent' | 'ElicitSlot';
  slotToElicit?: string;
  slotElicitationStyle?: 'Default' | 'SpellByLetter' | 'SpellByWord';
  subSlotToElicit?: unknown;
}

export interface LexV2SessionState {
  activeContexts?: LexV2ActiveContext[];
  sessionAttributes?: Record<string, string>;
  runtimeHints?: unknown;
  dialogAction?: LexV2DialogAction;
  intent?: LexV2Intent;
  originatingRequestId?: string;
}

/**
 * An Amazon Lex V2 code hook request.
 *
 * @example
 * ```ts
 * import type { LexV2Handler } from '@tslambda/lambda-events/lex';
 * export const handler: LexV2Handler = async (event) => ({
 *   sessionState: { dialogAction: { type: 'Close' }, intent: { ...event.sessionState.intent!, state: 'Fulfilled' } },
 *   messages: [{ contentType: 'PlainText', content: 'Done' }],
 * });
 * ```
 */
export interface LexV2Event {
  messageVersion: string;
  invocationSource: 'DialogCodeHook' | 'FulfillmentCodeHook';
  inputMode: 'DTMF' | 'Speech' | 'Text';
  responseContentType: string;
  sessionId: string;
  inputTranscript: string;
  invocationLabel?: string;
  bot: LexV2Bot;
  interpretations: LexV2Interpretation[];
  proposedNextState?: { dialogAction: LexV2DialogAction; intent: LexV2Intent };
  requestAttributes?: Record<string, string>;
  sessionState: LexV2SessionState;
  transcriptions?: Array<{
    transcription: string;
    transcriptionConfidence: number;
    resolvedContext?: { intent: string };
    resolvedSlots?: LexV2Slots;
  }>;
}

export interface LexV2ImageResponseCard {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  buttons?: Array<{ text: string; value: string }>;
}

export interface LexV2Message {
  contentType: 'CustomPayload' | 'ImageResponseCard' | 'PlainText' | 'SSML';
  content?: string;
  imageResponseCard?: LexV2ImageResponseCard;
}

/** An Amazon Lex V2 code hook response. */
export interface LexV2Result {
  sessionState: LexV2SessionState & { dialogAction: LexV2DialogAction };
  messages?: LexV2Message[];
  requestAttributes?: Record<string, string>;
}

export type LexV2Handler<TContext = LambdaContext> = Handler<LexV2Event, LexV2Result, TContext>;
