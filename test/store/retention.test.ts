import { expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { DAY_MS, scheduleRetention } from '../../src/store/retention.js';

const NOW = Date.UTC(2026, 5, 1);

it('given an expired vote, when the retention schedule starts, then the vote is deleted at once and the sweep is logged', async () => {
  // given
  const store = await openStore('sqlite::memory:');
  await store.recordVote({ guildId: 'g', channelId: 'c', answerMessageId: 'a', voterHash: 'old', vote: 'up', question: 'q', cited: [], at: NOW - 10 * DAY_MS });
  await store.recordVote({ guildId: 'g', channelId: 'c', answerMessageId: 'a', voterHash: 'new', vote: 'up', question: 'q', cited: [], at: NOW - DAY_MS });
  const lines: { event: string; fields?: Readonly<Record<string, unknown>> }[] = [];
  const logger = { info: (event: string, fields?: Readonly<Record<string, unknown>>) => void lines.push({ event, ...(fields ? { fields } : {}) }), warn: () => undefined };
  // when
  const schedule = scheduleRetention(store, { feedbackDays: 7, postedAnswerDays: 7 }, { clock: () => NOW, logger });
  await schedule.done;
  schedule.stop();
  // then
  expect(await store.vote('a', 'old')).toBeUndefined();
  expect(await store.vote('a', 'new')).toBeDefined();
  expect(lines).toEqual([{ event: 'store-expired-deleted', fields: { votes: 1, gaps: 0, postedAnswers: 0, settingsChanges: 0 } }]);
  await store.close();
});

it('given a short period, when time passes, then the sweep runs again; when the store fails, then it is logged, not thrown', async () => {
  // given
  const store = await openStore('sqlite::memory:');
  const warnings: string[] = [];
  let sweeps = 0;
  const logger = { info: () => void sweeps++, warn: (event: string) => void warnings.push(event) };
  const schedule = scheduleRetention(store, { feedbackDays: 7, postedAnswerDays: 7 }, { clock: () => NOW, logger, everyMs: 20 });
  await schedule.done;
  // when
  const deadline = Date.now() + 10_000;
  while (sweeps < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await store.close();
  while (warnings.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  schedule.stop();
  // then
  expect(sweeps).toBeGreaterThanOrEqual(2);
  expect(warnings[0]).toBe('store-expire-failed');
});
