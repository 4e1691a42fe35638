/**
 * The database being down never stops an answer in community mode: a mention is still answered
 * (with the default channel settings and every collection), and the failed reads and writes are
 * logged.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-discord/index.js';
import { MEMORY_DATABASE_URL, openStore } from '../../src/store/open-store.js';
import { type StoreWithOutage, withOutage } from '../helpers/store-outage.js';
import { type Harness, startHarness, waitForMessage } from './harness.js';

let h: Harness;
let db: StoreWithOutage;
beforeAll(async () => {
  db = withOutage(await openStore(MEMORY_DATABASE_URL));
  h = await startHarness({ questionLimit: 'off', store: db.store });
});
afterAll(async () => {
  await h?.close();
  await db?.store.close();
});

it('given the database is down, when a member mentions Footnote with a question, then it is answered and the store failures are logged', async () => {
  // given
  db.down = true;
  try {
    // when
    const question = h.fake.postUserMessage(`<@${h.fake.botUserId}> Which countries interfered in the 2024 US elections?`, h.fake.users.member);
    const answer = await waitForMessage(h.fake, (m: StoredMessage) => m.author.id === h.fake.botUserId && m.message_reference?.message_id === question.id);
    // then
    expect(answer.embeds[0]?.fields?.length).toBeGreaterThan(0);
    expect(answer.embeds[0]?.description).toMatch(/^Confidence/);
    await expect.poll(() => h.logs.some((l) => l.event === 'store-read-failed')).toBe(true);
    await expect.poll(() => h.logs.some((l) => l.event === 'store-write-failed')).toBe(true);
  } finally {
    db.down = false;
  }
});
