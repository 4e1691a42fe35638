/**
 * The bridge's reading of what community mode adds: `@Footnote` typed on the page becomes a real
 * mention, a modal callback becomes the form the page shows, and new page requests (forum
 * posts, modal submits, a channel to act in) are read strictly.
 */
import { describe, expect, it } from 'vitest';
import { modalInfo, readClientMessage, withBotMention } from '../../src/playground/bridge.js';

describe('withBotMention', () => {
  it('given “@Footnote” in any case, then it becomes the mention; other words are left alone', () => {
    expect(withBotMention('@footnote hi @Footnote2 mail@FOOTNOTE', 'Footnote', '42')).toBe('<@42> hi @Footnote2 mail@FOOTNOTE');
    expect(withBotMention('no mention here', 'Footnote', '42')).toBe('no mention here');
  });

  it('given a bot name with regex characters, then they are matched literally', () => {
    expect(withBotMention('@a.b and @axb', 'a.b', '7')).toBe('<@7> and @axb');
  });
});

describe('modalInfo', () => {
  it('given the 👎 modal, then the page gets its title and each input with label, limits and required flag', () => {
    // given
    const data = {
      custom_id: 'fb:why:1',
      title: 'What was missing or wrong?',
      components: [{ type: 1, components: [{ type: 4, custom_id: 'comment', label: 'Tell us', style: 2, max_length: 300, required: false }] }],
    };
    // then
    expect(modalInfo(data, '10', '11')).toEqual({
      customId: 'fb:why:1',
      title: 'What was missing or wrong?',
      inputs: [{ customId: 'comment', label: 'Tell us', style: 2, required: false, maxLength: 300 }],
      channelId: '10',
      messageId: '11',
    });
  });

  it('given an input without `required`, then it is required, as on Discord; given no modal, then nothing', () => {
    const data = { custom_id: 'x', title: 'T', components: [{ type: 1, components: [{ type: 4, custom_id: 'a', label: 'A', style: 1 }] }] };
    expect(modalInfo(data, '10', undefined)?.inputs[0]?.required).toBe(true);
    expect(modalInfo({ content: 'hi' }, '10', undefined)).toBeUndefined();
  });
});

describe('readClientMessage (community mode)', () => {
  it('given a forum post or a modal submit, then it is read; given bad fields, then it is refused', () => {
    expect(readClientMessage({ type: 'post', forumId: '1', title: 'T', text: 'Q', user: 'member' })).toEqual({ type: 'post', forumId: '1', title: 'T', text: 'Q', user: 'member' });
    expect(readClientMessage({ type: 'post', forumId: '1', title: 'x'.repeat(101), text: 'Q', user: 'member' })).toBeUndefined();
    expect(readClientMessage({ type: 'modalSubmit', customId: 'c', fields: { comment: 'why' }, channelId: '1', messageId: '2', user: 'member' })).toEqual({
      type: 'modalSubmit',
      customId: 'c',
      fields: { comment: 'why' },
      channelId: '1',
      messageId: '2',
      user: 'member',
    });
    expect(readClientMessage({ type: 'modalSubmit', customId: 'c', fields: { comment: 5 }, channelId: '1', user: 'member' })).toBeUndefined();
    expect(readClientMessage({ type: 'modalSubmit', customId: 'c', fields: ['a'], channelId: '1', user: 'member' })).toBeUndefined();
  });

  it('given a channel to send in, then it is kept; given a non-string channel, then the request is refused', () => {
    expect(readClientMessage({ type: 'send', text: 'hi', user: 'member', channelId: '9' })).toMatchObject({ channelId: '9' });
    expect(readClientMessage({ type: 'send', text: 'hi', user: 'member', channelId: 9 })).toBeUndefined();
  });
});
