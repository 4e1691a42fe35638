/**
 * The one way the bot answers an interaction, or a message it was not asked through an
 * interaction (mentions, auto-answers). Every reply, edit, follow-up, autocomplete response and
 * channel message goes through here, so every message gets the same treatment: nobody is pinged unless
 * the message names them, Discord's limits are applied, ephemeral stays ephemeral, and the
 * right call is made whatever was already sent (reply, edit of a deferral, or follow-up).
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  type AutocompleteInteraction,
  ComponentType,
  type Message,
  type MessageCreateOptions,
  type MessageMentionOptions,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { clampButtons, clampChoices, clampContent, clampEmbeds } from './clamp.js';
import type { Choice, ReplyMessage } from './message.js';

/** A message ready for discord.js. */
export interface DiscordPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: MessageMentionOptions;
}

/**
 * Turns a {@link ReplyMessage} into what discord.js sends: limits applied, and allowed mentions
 * `{ parse: [] }` unless the message names users it may ping (then only those).
 *
 * @example toDiscordPayload({ content: '@everyone hi' }).allowedMentions // { parse: [] }
 */
export function toDiscordPayload(message: ReplyMessage): DiscordPayload {
  const users = [...new Set(message.pingUsers ?? [])];
  return {
    ...(message.content === undefined ? {} : { content: clampContent(message.content) }),
    embeds: clampEmbeds(message.embeds ?? []),
    components: clampButtons(message.buttons ?? []).map((row) => ({
      type: ComponentType.ActionRow,
      components: row.map((b) => ({
        type: ComponentType.Button,
        custom_id: b.customId,
        label: b.label,
        style: b.style,
        ...(b.disabled === true ? { disabled: true } : {}),
      })) as APIButtonComponentWithCustomId[],
    })),
    allowedMentions: users.length > 0 ? { parse: [], users } : { parse: [] },
  };
}

type State = 'idle' | 'deferred-reply' | 'deferred-update' | 'replied';

/** How an automatic deferral should look: a reply (public or not) or an update of the clicked message. */
export type DeferIntent = { readonly kind: 'reply'; readonly ephemeral: boolean } | { readonly kind: 'update' };

/**
 * Answers one interaction. Calls are queued so a deferral timer and the handler never race;
 * each call checks what has already been sent and picks the Discord call that fits.
 */
export class Responder {
  private state: State = 'idle';
  private deferredEphemeral = false;
  private queue: Promise<unknown> = Promise.resolve();
  private intent: DeferIntent = { kind: 'reply', ephemeral: false };

  constructor(private readonly interaction: RepliableInteraction) {}

  /** True once Discord has had a first response (reply, deferral or update). */
  get acknowledged(): boolean {
    return this.state !== 'idle';
  }

  /** True once a visible answer (not just a deferral) was sent. */
  get answered(): boolean {
    return this.state === 'replied';
  }

  /** Sets how {@link autoDefer} defers, should the work take long. */
  intend(intent: DeferIntent): void {
    this.intent = intent;
  }

  /** Defers a reply now ("thinking…") unless something was already sent. */
  defer(ephemeral: boolean): Promise<void> {
    this.intent = { kind: 'reply', ephemeral };
    return this.autoDefer();
  }

  /** Defers as intended (see {@link intend}) unless something was already sent. */
  autoDefer(): Promise<void> {
    return this.run(async () => {
      if (this.state !== 'idle') return;
      const i = this.interaction;
      if (this.intent.kind === 'update' && i.isMessageComponent()) {
        await i.deferUpdate();
        this.state = 'deferred-update';
      } else {
        const ephemeral = this.intent.kind === 'reply' && this.intent.ephemeral;
        await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
        this.state = 'deferred-reply';
        this.deferredEphemeral = ephemeral;
      }
    });
  }

  /**
   * Sends the answer: a reply, the edit of a deferred reply, or a follow-up once answered.
   * Resolves with the id of the message shown, when Discord says it.
   */
  send(message: ReplyMessage): Promise<string | undefined> {
    return this.run(async () => {
      const i = this.interaction;
      const payload = toDiscordPayload(message);
      const ephemeral = message.ephemeral === true;
      const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
      switch (this.state) {
        case 'idle': {
          const response = await i.reply({ ...payload, ...flags, withResponse: true });
          this.state = 'replied';
          return response.resource?.message?.id;
        }
        case 'deferred-reply': {
          if (ephemeral && !this.deferredEphemeral) {
            // A public "thinking…" cannot turn private: remove it and answer privately.
            await i.deleteReply().catch(() => undefined);
            const sent = await i.followUp({ ...payload, ...flags });
            this.state = 'replied';
            return sent.id;
          }
          const edited = await i.editReply(payload);
          this.state = 'replied';
          return edited.id;
        }
        default: {
          const sent = await i.followUp({ ...payload, ...flags });
          this.state = 'replied';
          return sent.id;
        }
      }
    });
  }

  /** Replaces the message a button was clicked on. */
  update(message: ReplyMessage): Promise<void> {
    return this.run(async () => {
      const i = this.interaction;
      if (!i.isMessageComponent()) throw new Error('update() needs a component interaction');
      const payload = toDiscordPayload(message);
      if (this.state === 'idle') await i.update(payload);
      else await i.editReply(payload);
      this.state = 'replied';
    });
  }

  /** Answers with a modal (a form); only possible as the first response, and not to a modal. */
  showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    return this.run(async () => {
      const i = this.interaction;
      if (this.state !== 'idle' || i.isModalSubmit()) throw new Error('a modal must be the first response, and not to a modal');
      await i.showModal(modal);
      this.state = 'replied';
    });
  }

  /** Deletes the message a button was clicked on (acknowledging the click first). */
  deleteClickedMessage(): Promise<void> {
    return this.run(async () => {
      const i = this.interaction;
      if (!i.isMessageComponent()) throw new Error('deleteClickedMessage() needs a component interaction');
      if (this.state === 'idle') await i.deferUpdate();
      await i.deleteReply();
      this.state = 'replied';
    });
  }

  /** Tells the user something went wrong, privately, whatever was sent before. */
  fail(text: string): Promise<string | undefined> {
    return this.send({ content: text, ephemeral: true });
  }

  private run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/**
 * Answers an autocomplete request with choices fitted to Discord's limits.
 *
 * @example await respondChoices(interaction, [{ name: 'Background ¶1', value: 'doc:ab12' }]);
 */
export async function respondChoices(interaction: AutocompleteInteraction, choices: readonly Choice[]): Promise<void> {
  await interaction.respond(clampChoices(choices));
}

/** Where {@link sendToChannel} can post: a text channel or a thread. */
export interface SendableChannel {
  send(options: MessageCreateOptions): Promise<Message>;
}

/**
 * Replies to a message in its channel (`message_reference`), with the same limits and allowed
 * mentions as an interaction reply. Its author is pinged only with `pingAuthor` (through the
 * reply itself, never through the text). Resolves with the posted message's id.
 *
 * @example await replyToMessage(question, renderAnswer(page, view), { pingAuthor: true });
 */
export async function replyToMessage(
  target: Message,
  message: ReplyMessage,
  options: { readonly pingAuthor?: boolean } = {},
): Promise<{ id: string; channelId: string }> {
  const { allowedMentions, ...payload } = toDiscordPayload(message);
  const sent = await target.reply({ ...payload, allowedMentions: { ...allowedMentions, repliedUser: options.pingAuthor === true } });
  return { id: sent.id, channelId: sent.channelId };
}

/**
 * Posts a message in a channel or thread, with the same limits and allowed mentions as an
 * interaction reply. Resolves with the posted message's id and channel.
 *
 * @example await sendToChannel(thread, renderAnswer(page, view));
 */
export async function sendToChannel(channel: SendableChannel, message: ReplyMessage): Promise<{ id: string; channelId: string }> {
  const sent = await channel.send(toDiscordPayload(message));
  return { id: sent.id, channelId: sent.channelId };
}
