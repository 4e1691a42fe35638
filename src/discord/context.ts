/**
 * What every handler receives: the knowledge service, the configuration, the logger, the clock
 * and the per-bot state (question limits, remembered questions). Passed as a parameter, never global.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotConfig } from '../config.js';
import type { KnowledgeService } from '../service/knowledge-service.js';
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
