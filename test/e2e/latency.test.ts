/**
 * How fast the bot acknowledges interactions: from the fake dispatching INTERACTION_CREATE to
 * the first accepted callback, as the fake measures it. Printed as p50/p95.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SentInteraction } from '../../src/fake-discord/index.js';
import { type Harness, firstResponse, replyOf, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ questionLimit: 'off' });
});
afterAll(async () => h?.close());

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

it('given 40 each of /ask, /search autocomplete and /search, one at a time, when measured, then p95 to first response is far inside 3 s', async () => {
  const questions = ['What did Russia do?', 'Iran hack campaign', 'Who leads the threat?', 'China midterms', 'Olsen danger', 'Who wrote Hamlet?'];
  const latencies: Record<string, number[]> = { ask: [], autocomplete: [], search: [] };
  const measure = async (kind: string, sent: SentInteraction): Promise<void> => {
    await firstResponse(h.fake, sent);
    latencies[kind]!.push(h.fake.interactions.find((i) => i.id === sent.id)!.response!.latencyMs);
    if (kind !== 'autocomplete') await replyOf(h.fake, sent);
  };
  for (let i = 0; i < 40; i++) {
    const q = questions[i % questions.length]!;
    await measure('ask', h.fake.sendInteraction(h.fake.slashCommand('ask', { query: q })));
    await measure('autocomplete', h.fake.sendInteraction(h.fake.autocomplete('search', { query: q.slice(0, 3 + (i % 5)) }, 'query')));
    await measure('search', h.fake.sendInteraction(h.fake.slashCommand('search', { query: q })));
  }
  const all = Object.values(latencies).flat().sort((a, b) => a - b);
  const summary = Object.entries(latencies).map(([kind, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${kind} p50 ${percentile(sorted, 50)} ms p95 ${percentile(sorted, 95)} ms`;
  });
  console.log(`interaction → first response (n=${all.length}): p50 ${percentile(all, 50)} ms, p95 ${percentile(all, 95)} ms; ${summary.join('; ')}`);
  expect(percentile(all, 95)).toBeLessThan(1000);
});
