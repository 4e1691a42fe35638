/**
 * Bookkeeping for interactions the fake has sent: when each was dispatched, whether it was
 * acknowledged, and which messages belong to its webhook (`@original` and follow-ups).
 * This is where Discord's timing rules live:
 * - the first successful callback must come within `callbackDeadlineMs` (default 3 s), else 10062;
 * - a second callback is 40060;
 * - the token works for follow-ups/edits for 15 minutes, and only after the first callback.
 */
import { Errors } from './errors.js';
import { INTERACTION_CALLBACK_DEADLINE_MS, INTERACTION_TOKEN_LIFETIME_MS } from './limits.js';
import type { InteractionPayload } from './payloads.js';

/** One initial response (POST /interactions/:id/:token/callback) the fake accepted. */
export interface InteractionResponse {
  interactionId: string;
  /** Callback type: 1 pong, 4 message, 5 deferred message, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  /** The callback's `data` (message payload, `{ choices }`, modal, …), or undefined. */
  data: unknown;
  /** Milliseconds from dispatching the interaction to this response. */
  latencyMs: number;
  /** The message created or updated by the response, if any. */
  messageId?: string;
}

/** What the fake remembers about one dispatched interaction. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly payload: InteractionPayload;
  /** Date.now() when INTERACTION_CREATE was sent. */
  readonly sentAt: number;
  response?: InteractionResponse;
  /** The message `@original` refers to: the reply, or for components the message clicked on. */
  originalMessageId?: string;
  /** Every message id this interaction's webhook may edit (original + follow-ups). */
  readonly messageIds: Set<string>;
}

/** Timing knobs (milliseconds). */
export interface InteractionTiming {
  callbackDeadlineMs?: number;
  tokenLifetimeMs?: number;
}

/** Registry of dispatched interactions, keyed by id. */
export class InteractionRegistry {
  private readonly byId = new Map<string, InteractionRecord>();
  readonly callbackDeadlineMs: number;
  readonly tokenLifetimeMs: number;

  constructor(timing: InteractionTiming = {}) {
    this.callbackDeadlineMs = timing.callbackDeadlineMs ?? INTERACTION_CALLBACK_DEADLINE_MS;
    this.tokenLifetimeMs = timing.tokenLifetimeMs ?? INTERACTION_TOKEN_LIFETIME_MS;
  }

  /** Remembers an interaction that is being dispatched now. */
  add(payload: InteractionPayload, sentAt = Date.now()): InteractionRecord {
    const record: InteractionRecord = { id: payload.id, token: payload.token, payload, sentAt, messageIds: new Set() };
    const clicked = payload.message as { id?: unknown } | undefined;
    if (typeof clicked?.id === 'string') record.originalMessageId = clicked.id; // components: @original = that message
    this.byId.set(record.id, record);
    return record;
  }

  /** Looks an interaction up by id. */
  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  /** All interactions, oldest first. */
  all(): InteractionRecord[] {
    return [...this.byId.values()];
  }

  /**
   * The interaction an initial callback is for, or Discord's error:
   * 10062 (unknown, wrong token, or past the deadline) or 40060 (already acknowledged).
   */
  forCallback(id: string, token: string, now = Date.now()): InteractionRecord {
    const record = this.byId.get(id);
    if (!record || record.token !== token) throw Errors.unknownInteraction();
    if (record.response) throw Errors.alreadyAcknowledged();
    if (now - record.sentAt > this.callbackDeadlineMs) throw Errors.unknownInteraction();
    return record;
  }

  /** The acknowledged, unexpired interaction behind a webhook token, or 10015 Unknown Webhook. */
  forWebhook(applicationId: string, expectedApplicationId: string, token: string, now = Date.now()): InteractionRecord {
    const record = applicationId === expectedApplicationId ? this.all().find((r) => r.token === token) : undefined;
    if (!record?.response || now - record.sentAt > this.tokenLifetimeMs) throw Errors.unknownWebhook();
    return record;
  }
}
