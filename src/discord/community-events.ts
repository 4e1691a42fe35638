/**
 * The community features' discord.js side: turns MESSAGE_CREATE and THREAD_CREATE into the
 * plain facts `src/community/` decides on, and posts through the respond helper. One log line
 * per handled message; nothing here can reject (a failure is logged with an error id, and a
 * member who mentioned the bot gets the usual apology).
 */
import { performance } from 'node:perf_hooks';
import {
  type AnyThreadChannel,
  ChannelType,
  type Client,
  GatewayIntentBits,
  type Message,
  MessageType,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import { answerInConversation, type ConversationOutcome } from '../community/answer-flow.js';
import { warnContentIntentOnce } from '../community/content-intent.js';
import type { Conversation } from '../community/conversation.js';
import { decide, decideForumPost, type Decision, type IncomingMessage } from '../community/decide.js';
import { isFollowUp, withThreadContext } from '../community/follow-up.js';
import { questionOfMention } from '../community/mention.js';
import { isThread, type Place, settingsChannelOf } from '../community/place.js';
import { settingsInForce } from '../community/settings.js';
import type { BotContext } from './context.js';
import { apologyFor, newErrorId } from './errors.js';
import { replyToMessage, sendToChannel } from './respond.js';

/** What a bare mention (no question) gets. */
export const MENTION_HINT = 'Ask me a question after the mention, for example “@Footnote which countries interfered?”, or use `/ask`.';

/** Whether this client receives message content (it asked for the Message Content intent). */
export function receivesMessageContent(client: Client): boolean {
  return client.options.intents.has(GatewayIntentBits.MessageContent);
}

/** Where a message was written, or undefined for channels Footnote does not answer in (DMs, voice). */
export function placeOf(channel: Message['channel'] | AnyThreadChannel, guildId: string, botId: string): Place | undefined {
  if (channel.isThread()) {
    const forum = channel.parent?.type === ChannelType.GuildForum || channel.parent?.type === ChannelType.GuildMedia;
    return {
      guildId,
      channelId: channel.id,
      kind: forum ? 'forum-post' : 'thread',
      ...(channel.parentId === null ? {} : { parentId: channel.parentId }),
      threadName: channel.name,
      threadStartedByBot: channel.ownerId === botId,
      tagIds: forum ? channel.appliedTags : [],
    };
  }
  if (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement) return { guildId, channelId: channel.id, kind: 'text' };
  return undefined;
}

/** Logs a store read that failed (the caller goes on with defaults). */
const storeReadFailed =
  (ctx: BotContext) =>
  (error: unknown): void =>
    ctx.logger.error('store-read-failed', { what: 'channel settings', error });

/**
 * A conversation over a question's message: replies to it, or starts a thread from it (and
 * replies instead when the thread cannot be made, e.g. without Create Public Threads).
 */
function conversationOf(message: Message, ctx: BotContext): Conversation {
  return {
    reply: (reply, { pingAsker }) => replyToMessage(message, reply, { pingAuthor: pingAsker }),
    async replyInNewThread(name, reply) {
      const thread = await message.startThread({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay }).catch((error: unknown) => {
        ctx.logger.warn('thread-start-failed', { channel: message.channelId, message: message.id, error });
        return undefined;
      });
      return thread === undefined ? replyToMessage(message, reply) : sendToChannel(thread, reply);
    },
  };
}

/** The thread's first question (its starter message), for short follow-ups. */
async function firstQuestionOf(thread: AnyThreadChannel): Promise<string | undefined> {
  const starter = await thread.fetchStarterMessage().catch(() => null);
  const text = starter === null ? '' : questionOfMention(starter.content);
  return text === '' ? undefined : text;
}

const outcomeFields = (outcome: ConversationOutcome): Record<string, unknown> =>
  outcome.kind === 'posted' ? { outcome: 'posted', answered: outcome.answered, message: outcome.messageId } : { outcome: outcome.kind };

/**
 * Handles one MESSAGE_CREATE: answers a mention, or a message in an auto-answer channel, where
 * it was asked. Never rejects.
 */
export async function handleMessage(ctx: BotContext, message: Message): Promise<void> {
  const botId = message.client.user.id;
  if (!message.inGuild() || message.author.id === botId) return; // the cheap, common case first
  const started = performance.now();
  const fields: Record<string, unknown> = { kind: 'message', guild: message.guildId, channel: message.channelId, user: message.author.id };
  let decision: Decision | undefined;
  try {
    const place = placeOf(message.channel, message.guildId, botId);
    if (place === undefined) return;
    const settings = await settingsInForce(ctx.store, place.guildId, settingsChannelOf(place), storeReadFailed(ctx));
    const incoming: IncomingMessage = {
      id: message.id,
      authorId: message.author.id,
      authorIsBot: message.author.bot || message.webhookId !== null,
      isUserMessage: message.type === MessageType.Default || message.type === MessageType.Reply,
      content: message.content,
      mentionsBot: message.mentions.users.has(botId),
      startsForumPost: place.kind === 'forum-post' && message.id === message.channelId,
      place,
    };
    decision = decide(incoming, { settings, messageContent: receivesMessageContent(message.client) });
    fields.decision = decision.act;
    switch (decision.act) {
      case 'ignore':
        return;
      case 'hint':
        await replyToMessage(message, { content: MENTION_HINT });
        fields.outcome = 'hint';
        break;
      case 'warn-content-intent':
        fields.outcome = (await warnContentIntentOnce(ctx, place.guildId, (content) => sendToChannel(message.channel, { content }))) ? 'warned' : 'no-content';
        break;
      case 'answer': {
        fields.trigger = decision.trigger;
        let question = decision.question;
        if (isThread(place) && message.channel.isThread() && isFollowUp(question)) {
          question = withThreadContext(question, { title: place.threadName, firstQuestion: await firstQuestionOf(message.channel) });
        }
        const { trigger, placement } = decision;
        const outcome = await answerInConversation(ctx, { question, trigger, placement, askerId: message.author.id, place }, conversationOf(message, ctx));
        Object.assign(fields, outcomeFields(outcome));
        break;
      }
    }
  } catch (error) {
    const errorId = newErrorId();
    Object.assign(fields, { outcome: 'error', errorId });
    ctx.logger.error('bug', { ...fields, errorId, error });
    if (decision?.act === 'answer' && decision.trigger === 'mention') {
      await replyToMessage(message, { content: apologyFor(errorId) }).catch((failure: unknown) => ctx.logger.warn('error-reply-failed', { ...fields, error: failure }));
    }
  } finally {
    if (fields.decision !== undefined && fields.decision !== 'ignore') {
      fields.latencyMs = Math.round(performance.now() - started);
      ctx.logger.info('community', fields);
    }
  }
}

/**
 * Handles one THREAD_CREATE: a new post in a forum with auto-answer on is answered in the post
 * when the answer is confident. Needs only the Guilds intent for the title; the post's text
 * joins the question when Discord sends it (Message Content). Never rejects.
 */
export async function handleThreadCreate(ctx: BotContext, thread: AnyThreadChannel, newlyCreated: boolean): Promise<void> {
  const botId = thread.client.user.id;
  if (!newlyCreated || thread.ownerId === botId) return;
  const started = performance.now();
  const fields: Record<string, unknown> = { kind: 'forum-post', guild: thread.guildId, channel: thread.id, user: thread.ownerId };
  try {
    const place = placeOf(thread, thread.guildId, botId);
    if (place?.kind !== 'forum-post') return;
    const channelId = settingsChannelOf(place);
    const settings = await settingsInForce(ctx.store, place.guildId, channelId, storeReadFailed(ctx));
    if (!settings.autoAnswer) return;
    const starter = await thread.fetchStarterMessage().catch(() => null);
    const decision = decideForumPost({ authorIsBot: starter?.author.bot ?? false, title: thread.name, body: starter?.content ?? '' }, settings);
    fields.decision = decision.act;
    if (decision.act !== 'answer') return;
    fields.trigger = decision.trigger;
    const conversation: Conversation = starter
      ? conversationOf(starter, ctx)
      : { reply: (reply) => sendToChannel(thread, reply), replyInNewThread: (_name, reply) => sendToChannel(thread, reply) };
    const { question, trigger, placement } = decision;
    const outcome = await answerInConversation(ctx, { question, trigger, placement, askerId: thread.ownerId, place }, conversation);
    Object.assign(fields, outcomeFields(outcome));
  } catch (error) {
    const errorId = newErrorId();
    Object.assign(fields, { outcome: 'error', errorId });
    ctx.logger.error('bug', { ...fields, errorId, error });
  } finally {
    if (fields.decision !== undefined) {
      fields.latencyMs = Math.round(performance.now() - started);
      ctx.logger.info('community', fields);
    }
  }
}
