/**
 * The dispatcher: every interaction comes through here. It finds the handler, gives it a
 * {@link Responder}, defers if the handler is slow, turns any failure into a private message
 * (a {@link UserFacingError} as is, anything else as an apology with a logged error id), and
 * writes one log line per interaction. Nothing a handler does can reject out of it.
 */
import { performance } from 'node:perf_hooks';
import type { AutocompleteInteraction, Interaction } from 'discord.js';
import type { BotContext, ButtonHandler, ComponentHandler, HandlerResult, MessageCommand, SlashCommand } from './context.js';
import { decodeAskButton } from './custom-id.js';
import { apologyFor, newErrorId, UserFacingError } from './errors.js';
import type { LogFields } from './logger.js';
import type { Choice } from './message.js';
import { respondChoices, Responder } from './respond.js';

/** Defer a reply when a handler has not answered after this long (Discord allows 3 s). */
const DEFER_AFTER_MS = 1500;
/** An autocomplete that takes longer than this answers with no choices (it cannot be deferred). */
const AUTOCOMPLETE_BUDGET_MS = 2000;

/** The handlers the dispatcher routes to. */
export interface Handlers {
  readonly slashCommands: readonly SlashCommand[];
  readonly messageCommands: readonly MessageCommand[];
  readonly buttonHandlers: readonly ButtonHandler[];
  /** Other buttons and modals, by custom_id prefix (feedback, gap report, tags). */
  readonly componentHandlers?: readonly ComponentHandler[];
}

/** Options of {@link createDispatcher}. */
export interface DispatcherOptions {
  readonly deferAfterMs?: number;
  readonly autocompleteBudgetMs?: number;
}

/** What kind of interaction a log line is about. */
function describe(interaction: Interaction): LogFields {
  const base = { user: interaction.user.id, guild: interaction.guildId ?? undefined, interaction: interaction.id };
  if (interaction.isChatInputCommand()) return { ...base, kind: 'slash', command: interaction.commandName };
  if (interaction.isMessageContextMenuCommand()) return { ...base, kind: 'message-menu', command: interaction.commandName };
  if (interaction.isAutocomplete()) return { ...base, kind: 'autocomplete', command: interaction.commandName };
  if (interaction.isButton()) return { ...base, kind: 'button', command: interaction.customId.split(':').slice(0, 2).join(':') };
  if (interaction.isModalSubmit()) return { ...base, kind: 'modal', command: interaction.customId.split(':').slice(0, 2).join(':') };
  return { ...base, kind: `type-${interaction.type}` };
}

const noSuchThing = (what: string): UserFacingError => new UserFacingError(`${what} Try \`/help\` to see what I can do.`);

/**
 * Creates the interaction handler to attach to the client's `interactionCreate` event.
 *
 * @example client.on(Events.InteractionCreate, createDispatcher(handlers, ctx));
 */
export function createDispatcher(handlers: Handlers, ctx: BotContext, options: DispatcherOptions = {}): (interaction: Interaction) => Promise<void> {
  const slash = new Map(handlers.slashCommands.map((c) => [c.data.name, c]));
  const menus = new Map(handlers.messageCommands.map((c) => [c.data.name, c]));
  const buttons = new Map(handlers.buttonHandlers.map((b) => [b.action, b]));
  const components = new Map((handlers.componentHandlers ?? []).map((c) => [c.prefix, c]));
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const budgetMs = options.autocompleteBudgetMs ?? AUTOCOMPLETE_BUDGET_MS;
  const { logger } = ctx;

  const suggest = async (interaction: AutocompleteInteraction): Promise<readonly Choice[]> => {
    const command = slash.get(interaction.commandName);
    if (!command?.autocomplete) return [];
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<readonly Choice[]>((resolve) => {
      timer = setTimeout(() => resolve([]), budgetMs);
    });
    try {
      return await Promise.race([command.autocomplete(interaction, ctx), late]);
    } finally {
      clearTimeout(timer);
    }
  };

  const route = async (interaction: Interaction, respond: Responder): Promise<HandlerResult | void> => {
    if (interaction.isChatInputCommand()) {
      const command = slash.get(interaction.commandName);
      if (!command) throw noSuchThing(`I do not know the command \`/${interaction.commandName}\`.`);
      return command.execute(interaction, respond, ctx);
    }
    if (interaction.isMessageContextMenuCommand()) {
      const command = menus.get(interaction.commandName);
      if (!command) throw noSuchThing(`I do not know the command “${interaction.commandName}”.`);
      return command.execute(interaction, respond, ctx);
    }
    if (interaction.isButton() || interaction.isModalSubmit()) {
      const [prefix = '', ...args] = interaction.customId.split(':');
      const component = components.get(prefix);
      if (component?.button && interaction.isButton()) return component.button(interaction, args, respond, ctx);
      if (component?.modal && interaction.isModalSubmit()) return component.modal(interaction, args, respond, ctx);
    }
    if (interaction.isButton()) {
      const button = decodeAskButton(interaction.customId);
      const handler = button && buttons.get(button.action);
      if (!button || !handler) throw noSuchThing('This button does not work any more.');
      return handler.execute(interaction, button, respond, ctx);
    }
    throw noSuchThing('I cannot handle this kind of interaction.');
  };

  return async (interaction) => {
    const started = performance.now();
    const fields: Record<string, unknown> = { ...describe(interaction) };
    let respond: Responder | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      if (interaction.isAutocomplete()) {
        const choices = await suggest(interaction);
        fields.choices = choices.length;
        await respondChoices(interaction, choices);
        fields.outcome = 'ok';
      } else if (interaction.isRepliable()) {
        const r = new Responder(interaction);
        respond = r;
        timer = setTimeout(() => void r.autoDefer().catch((error: unknown) => logger.warn('defer-failed', { ...fields, error })), deferAfterMs);
        const result = await route(interaction, r);
        if (result?.answered !== undefined) fields.answered = result.answered;
        if (!r.answered) throw new Error('the handler finished without answering');
        fields.outcome = 'ok';
      } else {
        fields.outcome = 'ignored';
      }
    } catch (error) {
      let message: string;
      if (error instanceof UserFacingError) {
        fields.outcome = 'refused';
        fields.reason = error.message;
        message = error.message;
      } else {
        const errorId = newErrorId();
        fields.outcome = 'error';
        fields.errorId = errorId;
        logger.error('bug', { ...describe(interaction), errorId, error });
        message = apologyFor(errorId);
      }
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await respondChoices(interaction, []).catch(() => undefined);
      } else {
        await respond?.fail(message).catch((failure: unknown) => logger.warn('error-reply-failed', { ...fields, error: failure }));
      }
    } finally {
      clearTimeout(timer);
      fields.latencyMs = Math.round(performance.now() - started);
      logger.info('interaction', fields);
    }
  };
}
