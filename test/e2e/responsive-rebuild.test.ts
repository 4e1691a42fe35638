/**
 * The bot stays responsive while a large knowledge folder is (re)indexed: the analysis runs in
 * a worker thread, the previous index keeps answering, and autocomplete answers inside
 * Discord's 3 seconds throughout (the fake rejects anything later with 10062).
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndexInWorker } from '../../src/retrieval/open-index-in-worker.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { firstResponse, replyOf, startHarness, type Harness } from './harness.js';

const FILES = 300;
const PARAGRAPHS_PER_FILE = 60;
const AUTOCOMPLETE_DEADLINE_MS = 3000;

/** A reproducible pseudo-random vocabulary and text (no shared data needed). */
function syntheticKnowledge(dir: string): void {
  let seed = 42;
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'qua', 'bri', 'dol'];
  const vocabulary = Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  const sentence = (): string => `${Array.from({ length: 12 + Math.floor(random() * 10) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ')}.`;
  for (let f = 0; f < FILES; f++) {
    const paragraphs = Array.from({ length: PARAGRAPHS_PER_FILE }, () => `${sentence()} ${sentence()} ${sentence()}`);
    writeFileSync(join(dir, `doc-${f}.md`), `---\ntitle: Synthetic document ${f}\n---\n\n# Synthetic document ${f}\n\n## Part ${f}\n\n${paragraphs.join('\n\n')}\n`);
  }
}

let h: Harness;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'footnote-large-'));
  const knowledge = join(root, 'knowledge');
  mkdirSync(knowledge);
  syntheticKnowledge(knowledge);
  const cacheDir = join(root, 'cache');
  const service = await createKnowledgeService(knowledge, { open: (dir) => openIndexInWorker(dir, { cacheDir }) });
  h = await startHarness({ knowledgeDir: knowledge, service, questionLimit: 'off' });
}, 120_000);

afterAll(async () => {
  await h?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a large knowledge folder', () => {
  it(`given ${FILES * PARAGRAPHS_PER_FILE} passages being re-indexed, when autocomplete arrives meanwhile, then every one is answered inside 3 s`, async () => {
    // given: a changed file, so /reload must rebuild the whole index
    const knowledge = join(root, 'knowledge');
    appendFileSync(join(knowledge, 'doc-0.md'), '\nA brand new paragraph about zebras.\n');
    const before = h.bot.service.stats().passages;
    // when: a moderator reloads, and autocomplete keeps coming while it runs
    const reload = replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('reload', {}, { user: h.fake.users.moderator })), 120_000);
    let reloaded = false;
    void reload.then(() => (reloaded = true));
    const latencies: number[] = [];
    while (!reloaded) {
      const sent = h.fake.sendInteraction(h.fake.autocomplete('search', { query: 'Synthetic doc' }, 'query'));
      const started = performance.now();
      const response = await firstResponse(h.fake, sent, AUTOCOMPLETE_DEADLINE_MS + 2000);
      latencies.push(performance.now() - started);
      expect(response.status).toBe(204);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    // then
    const message = await reload;
    expect(message.embeds[0]?.title).not.toBe('Knowledge not reloaded');
    expect(h.bot.service.stats().passages).toBe(before + 1);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(AUTOCOMPLETE_DEADLINE_MS);
    console.log(`autocomplete during a ${before}-passage rebuild: ${latencies.length} answered, max ${Math.max(...latencies).toFixed(0)} ms`);
  }, 120_000);
});
