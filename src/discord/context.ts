/**
 * What every handler receives: the knowledge service, the configuration, the logger, the clock
 * and the per-bot state (question limits, remembered questions). Passed as a parameter, never global.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  Interaction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotConfig } from '../config.js';
import type { KnowledgeSync } from '../ingest/knowledge-sync.js';
import type { KnowledgeService } from '../service/knowledge-service.js';
import type { Store } from '../store/store.js';
import type { AnswerMemory } from './answer-memory.js';
import type { AskButton } from './custom-id.js';
import type { Logger } from './logger.js';
import type { Choice } from './message.js';
import type { Clock, QuestionTokens } from './question-limiter.js';
import type { Responder } from './respond.js';

/** The handlers' context. */
export interface BotContext {
  readonly service: KnowledgeService;
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  /** One token bucket per user, shared by every way of asking (see `takeQuestionToken`). */
  readonly questionLimiter: QuestionTokens;
  readonly answers: AnswerMemory;
  /** Re-ingests the sources of sources.yaml (/sync and the schedule); absent when syncing is off. */
  readonly sync?: KnowledgeSync;
  /**
   * Settings, feedback, gaps, tags and posted answers. A failed write must not stop an answer:
   * catch it, log it (`logger.error('store-write-failed', …)`, see `writeSoftly`) and still reply.
   */
  readonly store: Store;
  /** The collections searched where an interaction was used (its channel's mapping; empty: all). */
  collectionsOf(interaction: Interaction): Promise<readonly string[]>;
}

/** What a handler reports for the interaction log line. */
export interface HandlerResult {
  /** For question-answering handlers: whether the knowledge answered. */
  readonly answered?: boolean;
}

/** A command's registration data (a discord.js builder). */
interface CommandData {
  readonly name: string;
  toJSON(): RESTPostAPIApplicationCommandsJSONBody;
}

/** A slash command module: `data`, `execute`, and `autocomplete` when an option autocompletes. */
export interface SlashCommand {
  readonly data: CommandData;
  execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult | void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<readonly Choice[]>;
}

/** A message context-menu command module. */
export interface MessageCommand {
  readonly data: CommandData;
  execute(interaction: MessageContextMenuCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult | void>;
}

/** An answer-button handler module, chosen by the button's action. */
export interface ButtonHandler {
  readonly action: AskButton['action'];
  execute(interaction: ButtonInteraction, button: AskButton, respond: Responder, ctx: BotContext): Promise<HandlerResult | void>;
}

/**
 * A handler of buttons and modals outside the answer's paging buttons, chosen by the first
 * segment of the custom_id (`fb`, `gaps` …). It gets the segments after that one.
 */
export interface ComponentHandler {
  readonly prefix: string;
  button?(interaction: ButtonInteraction, args: readonly string[], respond: Responder, ctx: BotContext): Promise<HandlerResult | void>;
  modal?(interaction: ModalSubmitInteraction, args: readonly string[], respond: Responder, ctx: BotContext): Promise<HandlerResult | void>;
}
