import { COMMON_TERMS } from '../retrieval/common-words.js';
import type { QueryConcept } from '../retrieval/query.js';
import { isAcronymTerm } from '../retrieval/terms.js';
import { inverseDocumentFrequency, type SearchIndex } from '../retrieval/search-index.js';
import type { RankedPassage, SearchResult } from '../retrieval/search.js';
import { definesSubject, definitionSubject } from './definition.js';

/**
 * How sure Footnote is that its best passage answers the question. `none` exactly when it
 * abstains; `high` is what automatic answers (channels that answer on their own) require.
 */
export type Confidence = 'high' | 'medium' | 'low' | 'none';

/** Whether to answer, and why not. */
export interface Verdict {
  readonly answered: boolean;
  readonly confidence: Confidence;
  /**
   * How strongly the best passages show that they answer this question, in [0, 1]: the number
   * the abstention rule thresholds (plots sweep it to draw precision against coverage).
   */
  readonly evidence: number;
  /** For people: why Footnote did not answer (absent when it did). */
  readonly reason?: string;
}

/** The measurements the evidence score weighs, each in [0, 1]. */
export interface EvidenceFeatures {
  /** Share of the question's weight the best passage mentions. */
  readonly coverage: number;
  /** Share of the question's weight found together in a short window of that passage. */
  readonly proximity: number;
  /** Share of adjacent question word pairs adjacent in that passage too. */
  readonly phrase: number;
  /**
   * The most informative question word that passage lacks, as a share of the highest IDF the
   * knowledge allows (a word the knowledge never uses counts as the rarest): 1 when a rare word is missing.
   */
  readonly missed: number;
  /** How far the first passage's score is ahead of the second's, relative to the first. */
  readonly margin: number;
  /** How many different documents the first three passages come from, 0 (one) to 1 (three): disagreement. */
  readonly spread: number;
  /** Share of the question's words, as written, in that passage (see `PassageFeatures.words`). */
  readonly words: number;
  /** Share of the question's adjacent word pairs in that passage. */
  readonly pairs: number;
  /** Share of the question's adjacent word pairs in its best sentence. */
  readonly sentencePairs: number;
  /** Longest run of the question's words in its best sentence, as a share of six. */
  readonly run: number;
  /** Share of the question's concepts the knowledge never uses (in any wording). */
  readonly unknown: number;
  /** Share of the question's names (capitalised words, acronyms) that passage lacks; 0 without names. */
  readonly namesMissed: number;
  /**
   * Coverage where a word the knowledge never uses weighs as much as the rarest possible word:
   * a question about something else ("the capital of Iran") keeps its unknown words heavy.
   */
  readonly strictCoverage: number;
  /** Share of the question's weight named in that passage's title or section heading: the question names its subject. */
  readonly heading: number;
  /** That passage's length, `ln(1 + index terms) / 6` (at most 1): a long passage matches words by chance. */
  readonly length: number;
  /** Coverage of that passage's best sentence, weighed by rarity among the candidates (see `PassageFeatures.sentenceCoverage`). */
  readonly sentenceCoverage: number;
}

/**
 * Logistic weights of the evidence score, fitted by `npm run fit -- abstention
 * ../shared/squad/questions-all.jsonl --exclude ../shared/squad/dev-1000.jsonl --limit 6000` on
 * SQuAD leave-articles-out folds (4 folds, seed 7) of 6,000 training questions that are not in
 * dev-1000: questions about removed articles are the negatives. Never fitted on dev-1000, the
 * dev questions or the member questions, which measure it. Re-fit after changing the re-ranker.
 */
export const EVIDENCE_WEIGHTS = {
  bias: 0.46,
  coverage: 2.34,
  proximity: 1.56,
  phrase: 0.48,
  missed: 0.31,
  margin: 1.07,
  spread: -2.42,
  words: 2.22,
  pairs: 0.60,
  sentencePairs: -0.36,
  run: 2.14,
  unknown: -3.21,
  namesMissed: -1.18,
  strictCoverage: 2.87,
  heading: 5.27,
  length: -7.08,
  sentenceCoverage: 0.60,
} as const;

/**
 * Below this evidence Footnote abstains. Printed by the same fit: on its training folds it
 * refuses 2 % of answerable questions (the false-abstention budget, outright refusals included)
 * and 78 % of questions about removed articles. (6,000 questions rather than all 9,570: with all
 * of them the fit refused fewer held-out questions on the dev-1000 folds of two seeds, measured
 * before `heading`, `length` and `sentenceCoverage` were added.)
 */
export const MIN_EVIDENCE = 0.282;
/**
 * Confidence is `high` from this evidence on when the question's words also stand together
 * (proximity at least {@link HIGH_PROXIMITY}). Measured with the fitted evidence score: high
 * answers show the gold passage within three excerpts 96.7 % of the time on SQuAD
 * leave-articles-out (45 % of questions get it) and 97.5 % on dev-1000; raising it to 0.95 or
 * 0.97 gains nothing measurable (`npm run eval`, `high-precision`).
 */
export const HIGH_EVIDENCE = 0.9;
/** See {@link HIGH_EVIDENCE}: two question words far apart in a passage ("US" … "government") are weak evidence. */
export const HIGH_PROXIMITY = 0.7;
/** From this evidence on, confidence is `medium`; below it, `low`. */
export const MEDIUM_EVIDENCE = 0.6;

/** Below this strict coverage, an abstention names the word the knowledge never uses as the reason. */
const STRICT_COVERAGE_FOR_REASON = 0.5;

/**
 * A question with a noun the knowledge never uses ("capital", "bot") may be a paraphrase or may
 * be about something else; its best passage must then have at least this strict coverage (see
 * `EvidenceFeatures.strictCoverage`, where a name counts only when the passage writes it as a
 * name). On the training folds it costs nothing against no such rule; it keeps "How do I make a
 * Discord bot?" from being answered by "sowing internal discord". At 0.3 it would also refuse
 * "Which countries interfered?" (the article says "nations"), and cost on every measured set.
 */
export const MIN_COVERAGE_WITH_UNKNOWN_WORD = 0.25;

/** A word in more than this share of the passages says nothing about which passage answers. */
const UBIQUITOUS_SHARE = 0.5;
/** `ln(1 + index terms)` of a long passage (about 400 terms): the evidence reads length as a share of it. */
const LENGTH_SCALE = 6;
/** How many of the top passages are looked at for evidence. */
const EVIDENCE_DEPTH = 3;

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * The evidence score of a set of features: a logistic model of "this passage answers the
 * question" (see {@link EVIDENCE_WEIGHTS}).
 *
 * @example evidenceScore({ coverage: 1, proximity: 1, phrase: 1, missed: 0, margin: 1, spread: 0 }) // ≈ 1
 */
export function evidenceScore(f: EvidenceFeatures): number {
  let z = EVIDENCE_WEIGHTS.bias;
  for (const name in f) z += EVIDENCE_WEIGHTS[name as keyof EvidenceFeatures] * f[name as keyof EvidenceFeatures];
  return logistic(z);
}

/**
 * Whether a question word is foreign to the knowledge: never used, in any of its wordings, and
 * a noun or name in the question (see `QueryConcept.isNoun`) that is not one of the very common English words. A
 * question may use any verb ("try", "win") or common word ("want") without changing its topic;
 * a noun the knowledge never uses ("capital", "bot") usually means another topic.
 */
function isForeignWord(index: SearchIndex, concept: QueryConcept): boolean {
  return !knowsConcept(index, concept) && !COMMON_TERMS.has(concept.term) && concept.isNoun;
}

/** Whether the knowledge uses a question word: its own term, or every term of one of its alternatives. */
function knowsConcept(index: SearchIndex, concept: QueryConcept): boolean {
  const known = (term: string): boolean => index.documentFrequency.has(term);
  return known(concept.term) || concept.alternatives.some((phrase) => phrase.every(known));
}

/** Words for a reason: the word “feds”, the words “bake” and “bread”. */
function wordList(words: readonly string[]): string {
  const quoted = words.map((w) => `“${w}”`);
  if (quoted.length === 1) return `the word ${quoted[0]}`;
  return `the words ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** The reason given when a word the knowledge never uses is what leaves the question uncovered. */
const foreignWordReason = (concept: QueryConcept): string =>
  `The knowledge never uses the word “${concept.word}”, and the closest passages cover too little of the question.`;

/** How many letters of a name must start a capitalised word of the passage ("Iran" in "Iranian"). */
const NAME_PREFIX = 4;

/**
 * Whether a passage writes a capitalised name of the question as a name: a capitalised word
 * starting like it. "Discord" in a question is not matched by "sowing internal discord".
 * Acronyms are already matched in capitals (or through their expansion) and always pass.
 */
function writesName(passage: RankedPassage, concept: QueryConcept): boolean {
  if (isAcronymTerm(concept.term)) return true;
  const prefix = concept.word.slice(0, NAME_PREFIX);
  return prefix.toLowerCase() === prefix || passage.passage.text.includes(prefix);
}

/** See `EvidenceFeatures.strictCoverage`. */
function strictCoverageOf(index: SearchIndex, result: SearchResult, passage: RankedPassage, foreign: readonly boolean[]): number {
  const rarest = inverseDocumentFrequency(index, '');
  const { concepts } = result.plan;
  const weights = concepts.map((_, i) => (foreign[i] === true ? rarest : (result.conceptWeights[i] ?? 0)));
  const total = weights.reduce((a, b) => a + b, 0);
  const matched = (i: number): boolean => passage.features.matched[i] === true && (!concepts[i]!.isName || writesName(passage, concepts[i]!));
  return total > 0 ? weights.reduce((sum, w, i) => sum + (matched(i) ? w : 0), 0) / total : 0;
}

/** The best evidence among the first few passages: ranking mixes signals, coverage says whether the words are there. */
const bestEvidence = (passages: readonly RankedPassage[]): RankedPassage =>
  passages.slice(0, EVIDENCE_DEPTH).reduce((a, b) => (b.features.coverage > a.features.coverage ? b : a));

/**
 * What the abstention rule reads of a search result in more than one of its steps, read once
 * per question (see {@link readEvidenceFacts}).
 */
export interface EvidenceFacts {
  /** The best evidence among the first passages (the one covering most of the question). */
  readonly best: RankedPassage;
  /** For each question word, whether it is foreign to the knowledge (see `isForeignWord`). */
  readonly foreign: readonly boolean[];
  /** The best passage's strict coverage (see `EvidenceFeatures.strictCoverage`). */
  readonly strictCoverage: number;
  /** Whether the best passage shares only the knowledge's most common words with the question. */
  readonly onlyCommonWords: boolean;
}

/**
 * Reads the {@link EvidenceFacts} of a search result with at least one passage.
 *
 * @example readEvidenceFacts(index, searchPassages(index, 'Who bakes bread?')).foreign // [false, true]
 */
export function readEvidenceFacts(index: SearchIndex, result: SearchResult): EvidenceFacts {
  const best = bestEvidence(result.passages);
  const foreign = result.plan.concepts.map((c) => isForeignWord(index, c));
  return { best, foreign, strictCoverage: strictCoverageOf(index, result, best, foreign), onlyCommonWords: sharesOnlyCommonWords(index, result, best) };
}

/**
 * Measures how well a search result answers its question (see {@link EvidenceFeatures}).
 * Needs at least one passage.
 */
export function evidenceFeatures(index: SearchIndex, result: SearchResult, facts: EvidenceFacts = readEvidenceFacts(index, result)): EvidenceFeatures {
  const { plan, passages, conceptWeights } = result;
  const { best } = facts;
  const rarest = inverseDocumentFrequency(index, '');
  let missed = 0;
  plan.concepts.forEach((concept, i) => {
    if (best.features.matched[i]) return;
    missed = Math.max(missed, knowsConcept(index, concept) ? (conceptWeights[i] ?? 0) / rarest : 1);
  });
  const first = passages[0]!.score;
  const second = passages[1]?.score ?? 0;
  const documents = new Set(passages.slice(0, EVIDENCE_DEPTH).map((p) => p.passage.documentIndex)).size;
  const foreign = facts.foreign.filter(Boolean).length;
  const names = plan.concepts.flatMap((c, i) => (c.isName ? [i] : []));
  const f = best.features;
  return {
    coverage: f.coverage,
    proximity: f.proximity,
    phrase: f.phrase,
    missed: Math.min(1, missed),
    // Re-ranker scores may be negative: the lead is taken over the first score, within [0, 1].
    margin: first > 0 ? Math.min(1, Math.max(0, (first - second) / first)) : 0,
    spread: (documents - 1) / (EVIDENCE_DEPTH - 1),
    words: f.words,
    pairs: f.pairs,
    sentencePairs: f.sentencePairs,
    run: f.run,
    unknown: plan.concepts.length === 0 ? 0 : foreign / plan.concepts.length,
    namesMissed: names.length === 0 ? 0 : names.filter((i) => !f.matched[i]).length / names.length,
    strictCoverage: facts.strictCoverage,
    heading: f.heading,
    length: Math.min(1, f.length / LENGTH_SCALE),
    sentenceCoverage: f.sentenceCoverage,
  };
}

const abstain = (reason: string, evidence = 0): Verdict => ({ answered: false, confidence: 'none', evidence, reason });

/**
 * The cases that abstain before any evidence is weighed: no content words, a name or acronym
 * the knowledge never mentions (a misspelled name read as the knowledge's spelling counts only
 * when the first passage mentions that spelling), nothing found, a best passage that shares only the knowledge's
 * most common words with the question, or a question with a word the knowledge never uses whose
 * best passage covers less than {@link MIN_COVERAGE_WITH_UNKNOWN_WORD} of it. `undefined` when
 * the evidence decides.
 *
 * `facts` may be passed when already read (see {@link readEvidenceFacts}).
 *
 * @example outrightAbstention(index, searchPassages(index, 'Who wrote Hamlet?'))?.reason // 'The knowledge never mentions “Hamlet”.'
 */
export function outrightAbstention(index: SearchIndex, result: SearchResult, facts?: EvidenceFacts): Verdict | undefined {
  const { plan, passages } = result;
  if (plan.concepts.length === 0) return abstain('The question has no words to search for.');
  // A misspelled name read as the knowledge's nearest spelling ("Ghandi" → Gandhi) counts only
  // when the best passage mentions that spelling: else the question is about something else.
  const unknownName = plan.concepts.find((c, i) => c.isName && (!knowsConcept(index, c) || (c.readAs.length > 0 && passages[0]?.features.matched[i] !== true)));
  if (unknownName) return abstain(`The knowledge never mentions “${unknownName.word}”.`);
  if (passages.length === 0) {
    // Every word unknown: naming them lets the member ask again with the sources' words (a
    // number, as in "2+2", is no word to rephrase).
    const unknown = plan.concepts.filter((c) => !knowsConcept(index, c) && /\p{L}/u.test(c.word));
    return abstain(unknown.length === plan.concepts.length ? `The knowledge never uses ${wordList(unknown.map((c) => c.word))}.` : 'Nothing in the knowledge matches the question.');
  }
  // Matching only words that half the knowledge uses ("2024", "election" in an article about the
  // 2024 election) is no evidence: "Who won the 2024 election?" is not answered by it. Unless
  // the passage has every word of the question: then it asks about the knowledge's own topic
  // ("What is foreign interference?"), answered at low confidence at most (see `judgeAnswer`).
  const { best, foreign, strictCoverage, onlyCommonWords } = facts ?? readEvidenceFacts(index, result);
  if (onlyCommonWords && !plan.concepts.every((_, i) => best.features.matched[i] === true)) {
    return abstain('The closest passages share only the most common words of the knowledge with the question.');
  }
  const unknown = plan.concepts.find((_, i) => foreign[i] === true);
  if (unknown !== undefined && strictCoverage < MIN_COVERAGE_WITH_UNKNOWN_WORD) {
    return abstain(foreignWordReason(unknown));
  }
  return undefined;
}

/**
 * Whether a passage matches the question only through words more than half the knowledge uses
 * (see `UBIQUITOUS_SHARE`).
 */
function sharesOnlyCommonWords(index: SearchIndex, result: SearchResult, passage: RankedPassage): boolean {
  const total = index.knowledge.passages.length;
  const specific = (term: string): boolean => (index.documentFrequency.get(term) ?? 0) <= Math.max(1, total * UBIQUITOUS_SHARE);
  return !result.plan.concepts.some(
    (concept, i) => passage.features.matched[i] && (specific(concept.term) || concept.alternatives.some((phrase) => phrase.some(specific))),
  );
}

/** Why the evidence is too weak, in words a member understands. */
function weakEvidenceReason(result: SearchResult, facts: EvidenceFacts): string {
  const unknown = result.plan.concepts.find((_, i) => facts.foreign[i] === true);
  if (unknown !== undefined && facts.strictCoverage < STRICT_COVERAGE_FOR_REASON) {
    return foreignWordReason(unknown);
  }
  return 'The closest passages do not show enough of the question together.';
}

/** Whether the question asks what something is and none of the first passages says it. */
function leavesDefinitionOpen(result: SearchResult): boolean {
  const subject = definitionSubject(result.plan.question);
  return subject !== undefined && !result.passages.slice(0, EVIDENCE_DEPTH).some((p) => definesSubject(p.passage.text, subject));
}

/**
 * Decides whether the knowledge answers a question. The one rule: after the outright cases
 * ({@link outrightAbstention}), answer when the evidence score of the best passage (see
 * {@link EvidenceFeatures}: how much of the question it covers, together and in the question's own
 * words, which names and rare words it lacks, its lead over the next passage and the agreement
 * of the first three) is at least {@link MIN_EVIDENCE}. Confidence grades the same score:
 * `high` from {@link HIGH_EVIDENCE} (words together), `medium` from {@link MEDIUM_EVIDENCE},
 * else `low` (and `low` at most for a question of the knowledge's most common words only, or a
 * definition question no passage answers); `none` exactly when it abstains.
 *
 * @example judgeAnswer(index, searchPassages(index, 'Who wrote Hamlet?')).answered // false
 */
export function judgeAnswer(index: SearchIndex, result: SearchResult): Verdict {
  const facts = result.passages.length > 0 ? readEvidenceFacts(index, result) : undefined;
  const outright = outrightAbstention(index, result, facts);
  if (outright !== undefined || facts === undefined) return outright ?? abstain('Nothing in the knowledge matches the question.');
  const features = evidenceFeatures(index, result, facts);
  const evidence = evidenceScore(features);
  if (evidence < MIN_EVIDENCE) return abstain(weakEvidenceReason(result, facts), evidence);
  // A question made only of the knowledge's most common words is about its whole topic: any
  // passage repeats those words, so none is strong evidence. Nor is a passage that only mentions
  // what a definition question asks about ("What is Tenet Media?").
  const confidence: Confidence = facts.onlyCommonWords || leavesDefinitionOpen(result)
    ? 'low'
    : evidence >= HIGH_EVIDENCE && features.proximity >= HIGH_PROXIMITY
      ? 'high'
      : evidence >= MEDIUM_EVIDENCE
        ? 'medium'
        : 'low';
  return { answered: true, confidence, evidence };
}
