import { describe, expect, it } from 'vitest';
import { isFollowUp, withThreadContext } from '../../src/community/follow-up.js';

describe('thread context for follow-ups', () => {
  it('given a short follow-up, when searched, then the thread title and first question come first', () => {
    expect(withThreadContext('and China?', { title: 'Russia', firstQuestion: 'What did Russia do?' })).toBe('Russia What did Russia do? — and China?');
  });

  it('given a question that stands on its own, when searched, then it is unchanged', () => {
    const question = 'Which countries used artificial intelligence to interfere?';
    expect(isFollowUp(question)).toBe(false);
    expect(withThreadContext(question, { title: 'Russia' })).toBe(question);
  });

  it('given a title equal to the first question, when added, then it appears once', () => {
    expect(withThreadContext('and China?', { title: 'What did Russia do?', firstQuestion: 'What did Russia do?' })).toBe('What did Russia do? — and China?');
  });

  it('given no context, when searched, then the follow-up is unchanged', () => {
    expect(withThreadContext('and China?', {})).toBe('and China?');
  });
});
