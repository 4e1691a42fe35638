import { describe, expect, it } from 'vitest';
import { decide, decideForumPost, type IncomingMessage } from '../../src/community/decide.js';

const BOT = '123456789012345678';
const text = { guildId: 'g', channelId: 'c', kind: 'text' } as const;
const message = (over: Partial<IncomingMessage> = {}): IncomingMessage => ({
  id: 'm',
  authorId: 'u',
  authorIsBot: false,
  isUserMessage: true,
  content: 'How is a ban appealed?',
  mentionsBot: false,
  startsForumPost: false,
  place: text,
  ...over,
});
const off = { settings: { autoAnswer: false, replyStyle: 'reply' }, messageContent: true } as const;
const auto = { settings: { autoAnswer: true, replyStyle: 'reply' }, messageContent: true } as const;

describe('decide', () => {
  it('given a mention, when auto-answer is off, then it is answered as a reply with the mention stripped', () => {
    expect(decide(message({ mentionsBot: true, content: `<@${BOT}> How is a ban appealed?` }), off)).toEqual({
      act: 'answer', trigger: 'mention', question: 'How is a ban appealed?', placement: 'reply',
    });
  });

  it('given a channel answering in threads, when mentioned, then a thread is started; inside a thread the answer stays there', () => {
    const threads = { ...off, settings: { autoAnswer: false, replyStyle: 'thread' } } as const;
    expect(decide(message({ mentionsBot: true }), threads)).toMatchObject({ placement: 'new-thread' });
    const inThread = { guildId: 'g', channelId: 't', kind: 'thread', parentId: 'c', threadStartedByBot: true } as const;
    expect(decide(message({ mentionsBot: true, place: inThread }), threads)).toMatchObject({ placement: 'reply' });
  });

  it('given a bot or a system message, when it mentions Footnote, then it is ignored', () => {
    expect(decide(message({ authorIsBot: true, mentionsBot: true }), auto)).toMatchObject({ act: 'ignore' });
    expect(decide(message({ isUserMessage: false, mentionsBot: true }), auto)).toMatchObject({ act: 'ignore' });
  });

  it('given no mention, when auto-answer is off, then it is ignored; when on, it is an auto question', () => {
    expect(decide(message(), off)).toMatchObject({ act: 'ignore' });
    expect(decide(message(), auto)).toEqual({ act: 'answer', trigger: 'auto', question: 'How is a ban appealed?', placement: 'reply' });
  });

  it('given auto-answer, when the message is chatter, then it is ignored', () => {
    expect(decide(message({ content: 'thanks!' }), auto)).toMatchObject({ act: 'ignore' });
  });

  it('given auto-answer without message content, when a message arrives empty, then moderators are to be warned', () => {
    expect(decide(message({ content: '' }), { ...auto, messageContent: false })).toEqual({ act: 'warn-content-intent' });
    expect(decide(message({ content: '' }), auto)).toMatchObject({ act: 'ignore' });
  });

  it('given auto-answer, when a message is in a thread someone else started, then only a mention is answered', () => {
    const theirs = { guildId: 'g', channelId: 't', kind: 'thread', parentId: 'c', threadStartedByBot: false } as const;
    expect(decide(message({ place: theirs }), auto)).toMatchObject({ act: 'ignore' });
    const ours = { ...theirs, threadStartedByBot: true };
    expect(decide(message({ place: ours }), auto)).toMatchObject({ act: 'answer', trigger: 'auto' });
  });

  it('given a forum with auto-answer, when its first message arrives, then it is left to the new-post path (no double answer)', () => {
    const post = { guildId: 'g', channelId: 'p', kind: 'forum-post', parentId: 'f' } as const;
    expect(decide(message({ place: post, startsForumPost: true }), auto)).toMatchObject({ act: 'ignore' });
    expect(decide(message({ place: post, startsForumPost: true, mentionsBot: true }), auto)).toMatchObject({ act: 'ignore' });
    expect(decide(message({ place: post, startsForumPost: true, mentionsBot: true }), off)).toMatchObject({ act: 'answer', trigger: 'mention' });
  });

  it('given a bare mention, when posted, then a hint is due', () => {
    expect(decide(message({ mentionsBot: true, content: `<@${BOT}>` }), off)).toEqual({ act: 'hint' });
  });
});

describe('decideForumPost', () => {
  it('given a post whose text repeats its title, when decided, then the text is the question', () => {
    expect(decideForumPost({ authorIsBot: false, title: 'How is a ban appealed?', body: 'How is a ban appealed? Thanks' }, { autoAnswer: true })).toMatchObject({ question: 'How is a ban appealed? Thanks' });
  });

  it('given a post without text (no Message Content), when decided, then the title is the question', () => {
    expect(decideForumPost({ authorIsBot: false, title: 'Ban appeals', body: '' }, { autoAnswer: true })).toMatchObject({ question: 'Ban appeals', trigger: 'auto' });
  });

  it('given auto-answer off or a bot author, when decided, then it is ignored', () => {
    expect(decideForumPost({ authorIsBot: false, title: 'x', body: 'y' }, { autoAnswer: false })).toMatchObject({ act: 'ignore' });
    expect(decideForumPost({ authorIsBot: true, title: 'x', body: 'y' }, { autoAnswer: true })).toMatchObject({ act: 'ignore' });
  });
});
