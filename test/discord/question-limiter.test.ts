import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTION_LIMIT, QuestionLimiter } from '../../src/discord/question-limiter.js';

describe('QuestionLimiter (a token bucket per user)', () => {
  it('given the default limit, when a member asks a question and two follow-ups at once, then none waits', () => {
    const limiter = new QuestionLimiter(() => 0);
    expect([limiter.take('u1'), limiter.take('u1'), limiter.take('u1')]).toEqual([0, 0, 0]);
  });

  it('given a burst of 3 refilled every 10 s, when a fourth question comes at once, then it waits exactly one refill and takes nothing', () => {
    // given
    let now = 0;
    const limiter = new QuestionLimiter(() => now, { burst: 3, refillMs: 10_000 });
    [1, 2, 3].forEach(() => limiter.take('u1'));
    // when / then
    expect(limiter.take('u1')).toBe(10_000);
    now = 4_000;
    expect(limiter.take('u1')).toBe(6_000); // the refused question did not use anything up
    now = 10_000;
    expect([limiter.take('u1'), limiter.take('u1')]).toEqual([0, 10_000]);
  });

  it('given time passing, then tokens come back one per refill, never above the burst', () => {
    let now = 0;
    const limiter = new QuestionLimiter(() => now, { burst: 3, refillMs: 1_000 });
    [1, 2, 3].forEach(() => limiter.take('u1'));
    now = 60_000; // a long pause refills to 3, not 60
    expect([1, 2, 3, 4].map(() => limiter.take('u1'))).toEqual([0, 0, 0, 1_000]);
  });

  it('given one member out of questions, then another member still asks', () => {
    const limiter = new QuestionLimiter(() => 0, { burst: 3, refillMs: 1_000 });
    [1, 2, 3].forEach(() => limiter.take('u1'));
    expect([limiter.take('u1') > 0, limiter.take('u2')]).toEqual([true, 0]);
  });

  it('given a clock that steps back, then the bucket is not drained', () => {
    let now = 10_000;
    const limiter = new QuestionLimiter(() => now, { burst: 3, refillMs: 1_000 });
    limiter.take('u1');
    now = 0;
    expect([limiter.take('u1'), limiter.take('u1')]).toEqual([0, 0]);
  });

  it('allows at least three questions in a row by default', () => {
    expect(DEFAULT_QUESTION_LIMIT.burst).toBeGreaterThanOrEqual(3);
  });
});
