/**
 * The quality bar: the development questions over the seed article and a SQuAD sample must stay
 * at least as good as they are now, and `evaluate()` must agree with the shared external scorers.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, type Evaluation } from '../../src/evaluation/evaluate.js';
import { readQuestionSet } from '../../src/evaluation/question-sets.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSearchIndex } from '../../src/retrieval/search-index.js';
import { ensureBuilt } from '../helpers/cli.js';
import { DEV_QUESTIONS, REPO_ROOT, SHARED, SHIPPED_KNOWLEDGE, SQUAD_DEV, SQUAD_KNOWLEDGE } from '../helpers/knowledge.js';
import { gate, sharedRequirement } from '../helpers/requirements.js';

const SCORE_QA = join(SHARED, 'eval', 'score-qa.mjs');
const SCORE_SQUAD = join(SHARED, 'eval', 'score-squad.mjs');

/**
 * The levels reached (`npm run -s eval -- ../shared/eval/dev-questions.json`): hit@1 0.882 = 15/17
 * since the fitted re-ranker (it was 16/17 before; the SQuAD floor below rose from 0.79 to 0.83).
 * Two questions are near-ties between passages: "Which countries used generative AI?" (the
 * passage that says "generative AI" against the one that spells it out) and "What is Russia's
 * role …" (the passage with the rare word "role" against the answer).
 */
const DEV_FLOOR = { 'hit@1': 0.88, 'hit@3': 1.0, 'oos-abstain': 1.0 } as const;
const DEV_MAX = { 'false-abstain': 0.0, 'chars/excerpt': 400 } as const;
/**
 * `npm run -s eval -- ../shared/squad/dev-1000.jsonl`: hit@1 0.845, hit@3 0.933, answer@3 0.886,
 * fidelity 1.000, abstained 0.018 (the fitted excerpt score raised answer@3 from 0.874; reading
 * misspelled names cut abstentions from 0.025; related words raised hit@1 from 0.842).
 */
const SQUAD_FLOOR = { 'hit@1': 0.84, 'hit@3': 0.93, 'answer@3': 0.88, fidelity: 1.0 } as const;
const SQUAD_MAX_ABSTAINED = 0.02;

const devMissing = !gate(sharedRequirement('the dev-question quality bar', [DEV_QUESTIONS, SCORE_QA]));
const squadMissing = !gate(sharedRequirement('the SQuAD quality bar', [SQUAD_DEV, SQUAD_KNOWLEDGE, SCORE_SQUAD]));

/** Runs a shared scorer (it calls `npm run -s ask` in the checkout) and returns its summary line. */
async function externalSummary(args: readonly string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...args], { cwd: REPO_ROOT, maxBuffer: 1 << 26, timeout: 120_000 });
  return stdout.trim().split('\n').pop() ?? '';
}

/** The number after `name` in a scorer's summary line. */
function valueIn(summary: string, name: string): string {
  const match = new RegExp(`(?:^|\\s)${name.replace(/[/@]/g, '\\$&')} ([\\d.]+)`).exec(summary);
  if (match?.[1] === undefined) throw new Error(`no ${name} in: ${summary}`);
  return match[1];
}

// Started before the in-process runs so the two overlap; both need dist/ built first.
let qaSummary: Promise<string>;
let squadSummary: Promise<string>;
beforeAll(() => {
  if (devMissing && squadMissing) return;
  ensureBuilt();
  qaSummary = devMissing ? Promise.resolve('') : externalSummary([SCORE_QA, DEV_QUESTIONS]);
  squadSummary = squadMissing ? Promise.resolve('') : externalSummary([SCORE_SQUAD, SQUAD_DEV, '--knowledge', SQUAD_KNOWLEDGE]);
  // Failures surface in the tests that await them, not as unhandled rejections.
  qaSummary.catch(() => undefined);
  squadSummary.catch(() => undefined);
}, 120_000);

describe.skipIf(devMissing)('the dev questions over the seed article', () => {
  let result: Evaluation;
  beforeAll(async () => {
    result = evaluate(buildSearchIndex(await loadKnowledge(SHIPPED_KNOWLEDGE)), await readQuestionSet(DEV_QUESTIONS));
  });

  it('stay at or above the achieved levels', () => {
    const { scores } = result;
    expect(result.format).toBe('qa');
    expect(scores['hit@1']).toBeGreaterThanOrEqual(DEV_FLOOR['hit@1']);
    expect(scores['hit@3']).toBeGreaterThanOrEqual(DEV_FLOOR['hit@3']);
    expect(scores['oos-abstain']).toBeGreaterThanOrEqual(DEV_FLOOR['oos-abstain']);
    expect(scores['false-abstain']).toBeLessThanOrEqual(DEV_MAX['false-abstain']);
    expect(scores['chars/excerpt']).toBeLessThanOrEqual(DEV_MAX['chars/excerpt']);
  });

  it('score the same as score-qa.mjs over the CLI', async () => {
    const summary = await qaSummary;
    const { scores } = result;
    expect(summary).toMatch(/^holds: /);
    expect(valueIn(summary, 'bad-shape')).toBe('0');
    for (const name of ['hit@1', 'hit@3', 'oos-abstain', 'false-abstain']) {
      expect({ name, value: valueIn(summary, name) }).toEqual({ name, value: scores[name]?.toFixed(3) });
    }
    expect(valueIn(summary, 'chars/excerpt')).toBe(scores['chars/excerpt']?.toFixed(0));
  });
});

describe.skipIf(squadMissing)('SQuAD dev-1000', () => {
  let result: Evaluation;
  beforeAll(async () => {
    result = evaluate(buildSearchIndex(await loadKnowledge(SQUAD_KNOWLEDGE)), await readQuestionSet(SQUAD_DEV));
  }, 180_000); // generous: the machine may be shared and loaded

  it('stays at or above the quality floor', () => {
    const { scores } = result;
    expect(result.format).toBe('squad');
    expect(result.count).toBe(1000);
    expect(scores['hit@1']).toBeGreaterThanOrEqual(SQUAD_FLOOR['hit@1']);
    expect(scores['hit@3']).toBeGreaterThanOrEqual(SQUAD_FLOOR['hit@3']);
    expect(scores['answer@3']).toBeGreaterThanOrEqual(SQUAD_FLOOR['answer@3']);
    expect(scores.fidelity).toBeGreaterThanOrEqual(SQUAD_FLOOR.fidelity);
    expect(scores['abstained']).toBeLessThanOrEqual(SQUAD_MAX_ABSTAINED);
  });

  it('scores the same as score-squad.mjs over the CLI, to one decimal of a percent', async () => {
    const summary = await squadSummary;
    const { scores } = result;
    expect(summary).toMatch(/^holds: /);
    expect(valueIn(summary, 'bad')).toBe('0');
    for (const name of ['hit@1', 'hit@3', 'answer@1', 'answer@3']) {
      expect({ name, value: valueIn(summary, name) }).toEqual({ name, value: (100 * (scores[name] ?? NaN)).toFixed(1) });
    }
    expect(valueIn(summary, 'fidelity')).toBe((100 * (scores.fidelity ?? NaN)).toFixed(1));
  });
});
