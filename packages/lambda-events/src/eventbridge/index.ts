export type * from './types.js';
export { isEventBridgeEvent, isScheduledEvent } from './guards.js';
