import { expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { writeSoftly } from '../../src/store/write-softly.js';

it('given a closed (failing) store, when a vote is written softly, then it returns false and logs the failure instead of throwing', async () => {
  // given
  const store = await openStore('sqlite::memory:');
  await store.close();
  const logged: { event: string; fields?: Readonly<Record<string, unknown>> }[] = [];
  const logger = { error: (event: string, fields?: Readonly<Record<string, unknown>>) => void logged.push({ event, ...(fields ? { fields } : {}) }) };
  // when
  const written = await writeSoftly(logger, 'vote', () =>
    store.recordVote({ guildId: 'g', channelId: 'c', answerMessageId: 'a', voterHash: 'v', vote: 'up', question: 'q', cited: [], at: 1 }),
  );
  // then
  expect(written).toBe(false);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ event: 'store-write-failed', fields: { what: 'vote' } });
  expect(logged[0]?.fields?.error).toBeInstanceOf(Error);
});

it('given a working store, when a write succeeds, then it returns true and logs nothing', async () => {
  const store = await openStore('sqlite::memory:');
  const logged: string[] = [];
  expect(await writeSoftly({ error: (event) => void logged.push(event) }, 'gap', () => store.recordGap({ guildId: 'g', channelId: 'c', kind: 'abstained', question: 'q', missingTerms: [], at: 1 }))).toBe(true);
  expect(logged).toEqual([]);
  expect(await store.gaps('g', 0)).toHaveLength(1);
  await store.close();
});
