import { describe, expect, it } from 'vitest';
import { Cooldowns } from '../../src/discord/cooldown.js';

describe('Cooldowns', () => {
  it('given a 5 s cooldown, when a user asks twice, then the second waits until 5 s have passed', () => {
    // given
    let now = 1_000;
    const cooldowns = new Cooldowns(() => now, 5000);
    // when / then
    expect(cooldowns.take('ask', 'u1')).toBe(0);
    now += 1_200;
    expect(cooldowns.take('ask', 'u1')).toBe(3_800);
    now += 3_800;
    expect(cooldowns.take('ask', 'u1')).toBe(0);
  });

  it('given a running cooldown, when another user or another command is used, then neither waits', () => {
    const cooldowns = new Cooldowns(() => 0, 5000);
    cooldowns.take('ask', 'u1');
    expect(cooldowns.take('ask', 'u2')).toBe(0);
    expect(cooldowns.take('search', 'u1')).toBe(0);
  });

  it('given a refused attempt, when asking again later, then the refusal did not extend the wait', () => {
    let now = 0;
    const cooldowns = new Cooldowns(() => now, 5000);
    cooldowns.take('ask', 'u1');
    now = 4_000;
    cooldowns.take('ask', 'u1');
    now = 5_000;
    expect(cooldowns.take('ask', 'u1')).toBe(0);
  });

  it('given a zero duration, when used repeatedly, then it never waits', () => {
    const cooldowns = new Cooldowns(() => 0, 0);
    expect([cooldowns.take('ask', 'u'), cooldowns.take('ask', 'u')]).toEqual([0, 0]);
  });
});
