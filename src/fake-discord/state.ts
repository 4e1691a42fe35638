/**
 * The state shared by the REST routes, the gateway and the public handle, plus the
 * event map the fake emits.
 */
import type { EventEmitter } from 'node:events';
import type { ChannelRegistry, FakeChannel } from './channels.js';
import type { CommandRegistry } from './commands.js';
import type { RecordedRequest } from './http.js';
import type { InteractionRecord, InteractionRegistry, InteractionResponse } from './interactions.js';
import type { MessageStoreEvents, MessageStore } from './store.js';
import type { World } from './world.js';

/** Events of {@link FakeDiscord}: the store's message events plus these. */
export interface FakeDiscordEvents extends MessageStoreEvents {
  /** An initial interaction response was accepted (after validation). */
  interactionResponse: [response: InteractionResponse, interaction: InteractionRecord];
  /** An interaction was dispatched over the gateway. */
  interaction: [interaction: InteractionRecord];
  /** A REST request was answered (also the injected and rejected ones). */
  request: [request: RecordedRequest];
  /** A gateway session finished IDENTIFY → READY (+ GUILD_CREATE). */
  sessionReady: [sessionId: string];
  /** A thread or forum post was created (by the bot over REST, or by a test user). */
  threadCreate: [thread: FakeChannel];
}

/** Everything the REST routes and the gateway share. */
export interface FakeState {
  readonly world: World;
  readonly store: MessageStore;
  readonly interactions: InteractionRegistry;
  readonly commands: CommandRegistry;
  readonly channels: ChannelRegistry;
  /** Whether the Message Content intent is enabled for the app (the developer portal switch). */
  readonly messageContentEnabled: boolean;
  readonly events: EventEmitter<FakeDiscordEvents>;
  /** `ws://127.0.0.1:PORT/gateway`, set once the server listens. */
  gatewayUrl: string;
}
