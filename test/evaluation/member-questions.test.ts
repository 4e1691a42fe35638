/**
 * The quality bar of the member-style questions kept in this repository (eval/member-questions.json):
 * paraphrases, one-liners, nicknames, yes/no and near-topic out-of-scope questions over the shipped article.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, type Evaluation } from '../../src/evaluation/evaluate.js';
import { readQuestionSet } from '../../src/evaluation/question-sets.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSearchIndex } from '../../src/retrieval/search-index.js';
import { REPO_ROOT, SHIPPED_KNOWLEDGE } from '../helpers/knowledge.js';

/**
 * `npm run -s eval -- eval/member-questions.json` when this bar was set: hit@1 0.622, hit@3 0.784,
 * OOS abstain 0.657, false abstain 0.054, high precision 0.700 (0.667 before definition questions
 * about a named thing needed a passage that says what it is for `high`). Related words (word vectors in the
 * re-ranker) raised hit@1 from 0.595 and OOS abstention from 0.629, and cost one answer: "Did AI
 * deepfakes play a role?" (whose first passage is about Musk's "outsize role" and whose answer is
 * second) now leads by less and abstains, so false abstention went from 1 to 2 of 37.
 */
const FLOOR = { 'hit@1': 0.62, 'hit@3': 0.78, 'oos-abstain': 0.65, 'high-precision': 0.69 } as const;
const MAX = { 'false-abstain': 0.06 } as const;

describe('the member questions over the shipped article', () => {
  let result: Evaluation;
  beforeAll(async () => {
    result = evaluate(buildSearchIndex(await loadKnowledge(SHIPPED_KNOWLEDGE)), await readQuestionSet(join(REPO_ROOT, 'eval', 'member-questions.json')));
  });

  it('are at least 60, with out-of-scope questions among them', () => {
    expect(result.count).toBeGreaterThanOrEqual(60);
    expect(result.outcomes.filter((o) => !o.inScope).length).toBeGreaterThanOrEqual(20);
  });

  it('stay at or above the achieved levels', () => {
    const { scores } = result;
    for (const [name, floor] of Object.entries(FLOOR)) expect({ name, value: scores[name] }).toEqual({ name, value: expect.toSatisfy((v: number) => v >= floor) });
    expect(scores['false-abstain']).toBeLessThanOrEqual(MAX['false-abstain']);
  });
});
