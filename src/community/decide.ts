/**
 * Whether, and how, Footnote answers a message it did not get as a command. Pure: every fact
 * comes in as data, so each rule is one test.
 *
 * The rules, in order:
 * 1. Never a bot's message (its own included) and never a system message.
 * 2. A message that mentions Footnote is answered, in every channel, whatever the settings.
 * 3. Otherwise only where moderators turned auto-answer on: every message of a text channel,
 *    and every message of a thread Footnote started there. A forum's new posts are answered when
 *    the post is created (the thread path, see {@link decideForumPost}), not here.
 * 4. Auto-answering needs the text: an empty message in an auto channel while Discord does not
 *    send content (no Message Content intent) asks for the moderators to be told.
 */
import type { ChannelSettings } from '../store/store.js';
import { questionOfMention } from './mention.js';
import { isThread, type Place } from './place.js';

/** A message as the decision needs it. */
export interface IncomingMessage {
  readonly id: string;
  readonly authorId: string;
  /** Bots and webhooks (Footnote included). */
  readonly authorIsBot: boolean;
  /** A normal message or a reply (not a pin, join or thread notice). */
  readonly isUserMessage: boolean;
  readonly content: string;
  /** Discord lists Footnote among the message's user mentions. */
  readonly mentionsBot: boolean;
  /** The first message of a forum post (its id is the post's id). */
  readonly startsForumPost: boolean;
  readonly place: Place;
}

/** What triggered an answer: a mention (answer even when unsure) or auto mode (only when confident). */
export type Trigger = 'mention' | 'auto';

/**
 * Where the answer goes: a reply to the message in its channel (also inside a thread or post),
 * or a new thread started from the message.
 */
export type Placement = 'reply' | 'new-thread';

/** The outcome of {@link decide}. */
export type Decision =
  | { readonly act: 'ignore'; readonly why: string }
  | { readonly act: 'answer'; readonly trigger: Trigger; readonly question: string; readonly placement: Placement }
  /** A bare mention with no question: say how to ask. */
  | { readonly act: 'hint' }
  /** Auto mode got an empty message because Discord withholds content: tell moderators once. */
  | { readonly act: 'warn-content-intent' };

/** The facts besides the message. */
export interface DecisionContext {
  /** Settings of the channel (the parent, for threads). */
  readonly settings: Pick<ChannelSettings, 'autoAnswer' | 'replyStyle'>;
  /** Whether this session receives message content (the Message Content intent). */
  readonly messageContent: boolean;
}

/** Auto mode skips messages with fewer words than this ("ok", "thanks!"). */
export const AUTO_MIN_WORDS = 3;

const placementFor = (message: IncomingMessage, settings: DecisionContext['settings']): Placement =>
  !isThread(message.place) && settings.replyStyle === 'thread' ? 'new-thread' : 'reply';

/**
 * Decides what to do with a message.
 *
 * @example decide({ ...message, mentionsBot: true, content: '<@1…> Who interfered?' }, ctx) // { act: 'answer', trigger: 'mention', question: 'Who interfered?', placement: 'reply' }
 */
export function decide(message: IncomingMessage, context: DecisionContext): Decision {
  if (message.authorIsBot) return { act: 'ignore', why: 'bot author' };
  if (!message.isUserMessage) return { act: 'ignore', why: 'system message' };
  const { settings } = context;
  const placement = placementFor(message, settings);

  if (message.mentionsBot) {
    if (message.startsForumPost && settings.autoAnswer) return { act: 'ignore', why: 'answered as a new forum post' };
    const question = questionOfMention(message.content);
    return question === '' ? { act: 'hint' } : { act: 'answer', trigger: 'mention', question, placement };
  }

  if (!settings.autoAnswer) return { act: 'ignore', why: 'auto-answer off' };
  const { place } = message;
  if (place.kind === 'forum-post') return { act: 'ignore', why: message.startsForumPost ? 'answered as a new forum post' : 'forum follow-ups need a mention' };
  if (place.kind === 'thread' && place.threadStartedByBot !== true) return { act: 'ignore', why: 'thread not started by Footnote' };
  const question = questionOfMention(message.content);
  if (question === '') return context.messageContent ? { act: 'ignore', why: 'no text' } : { act: 'warn-content-intent' };
  if (question.split(/\s+/).length < AUTO_MIN_WORDS) return { act: 'ignore', why: 'too short for a question' };
  return { act: 'answer', trigger: 'auto', question, placement };
}

/** A new forum post as the decision needs it. */
export interface NewForumPost {
  readonly authorIsBot: boolean;
  readonly title: string;
  /** The post's first message (empty when Discord withholds content). */
  readonly body: string;
}

/**
 * Whether a new forum post is answered (auto mode on, written by a person), and the question:
 * the title, then the text of the post. The title alone still works without the Message
 * Content intent, because thread names are not withheld.
 *
 * @example decideForumPost({ authorIsBot: false, title: 'Ban appeal?', body: 'How do I appeal a ban?' }, { autoAnswer: true }) // { act: 'answer', trigger: 'auto', question: 'Ban appeal? How do I appeal a ban?', placement: 'reply' }
 */
export function decideForumPost(post: NewForumPost, settings: Pick<ChannelSettings, 'autoAnswer'>): Decision {
  if (post.authorIsBot) return { act: 'ignore', why: 'bot author' };
  if (!settings.autoAnswer) return { act: 'ignore', why: 'auto-answer off' };
  const body = questionOfMention(post.body);
  const title = post.title.trim();
  const question = body === '' || body.toLowerCase().startsWith(title.toLowerCase()) ? body || title : `${title} ${body}`;
  return question === '' ? { act: 'ignore', why: 'no text' } : { act: 'answer', trigger: 'auto', question, placement: 'reply' };
}
