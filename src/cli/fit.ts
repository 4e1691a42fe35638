import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { evidenceFeatures, outrightAbstention, readEvidenceFacts, type EvidenceFeatures } from '../answer/abstain.js';
import { EXCERPT_MAX_CHARS, excerptCandidates } from '../answer/excerpt.js';
import { EXCERPT_WEIGHTS, type SpanFeatures } from '../answer/excerpt-features.js';
import { fitListwise, fitLogistic, logisticProbability, type CandidateGroup } from '../evaluation/fit.js';
import { articleFolds, withoutDocuments } from '../evaluation/leave-out.js';
import { loadKnowledge } from '../knowledge/load.js';
import { buildSearchIndex } from '../retrieval/search-index.js';
import { documentIdOf, squadParagraphs, squadSpace } from '../evaluation/metrics.js';
import { readQuestionSet } from '../evaluation/question-sets.js';
import { openIndex } from '../retrieval/open-index.js';
import { RANKING } from '../retrieval/options.js';
import { rerankInputs, searchPassages, type RankedPassage, type RerankInputs } from '../retrieval/search.js';
import { runCli, UsageError } from './run.js';

const USAGE = `usage: npm run fit -- ranking QUESTIONS... [--exclude SQUAD.jsonl] [--limit N]
       npm run fit -- excerpts SQUAD.jsonl [--exclude SQUAD.jsonl] [--limit N]
       npm run fit -- abstention SQUAD.jsonl [--exclude SQUAD.jsonl] [--limit N] [--folds K] [--seed N]
  Fits the re-ranker's weights (RANKING.rerank in src/retrieval/options.ts) listwise over each
  question's candidates, on SQuAD questions and/or BEIR claims (each file searched in the
  "knowledge" folder beside it), and prints them. --exclude leaves out the questions of another
  file (the development sample that measures the result); --limit caps each file.
  excerpts fits the excerpt score (EXCERPT_WEIGHTS in src/answer/excerpt-features.ts): a logistic model,
  over the candidate excerpts of each question's gold paragraph, of holding a gold answer.
  abstention fits the evidence score (EVIDENCE_WEIGHTS in src/answer/abstain.ts) on SQuAD
  leave-articles-out folds: questions about removed articles are the ones to refuse. It prints
  the weights and the MIN_EVIDENCE that refuses ${'${'}FALSE_ABSTENTION_BUDGET * 100}% of answerable questions.`;

/** The share of answerable training questions the abstention threshold may refuse. */
const FALSE_ABSTENTION_BUDGET = 0.02;


await runCli(async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { exclude: { type: 'string' }, limit: { type: 'string' }, folds: { type: 'string', default: '4' }, seed: { type: 'string', default: '7' } },
  });
  const [what, ...files] = positionals;
  if ((what !== 'ranking' && what !== 'abstention' && what !== 'excerpts') || files.length === 0) throw new UsageError(USAGE);
  const excluded = new Set<string>();
  if (values.exclude !== undefined) {
    for (const line of (await readFile(values.exclude, 'utf8')).split('\n')) if (line.trim() !== '') excluded.add((JSON.parse(line) as { id: string }).id);
  }
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (what === 'excerpts') {
    await fitExcerpts(files[0]!, excluded, limit);
    return;
  }
  if (what === 'abstention') {
    await fitAbstention(files[0]!, excluded, limit, Number(values.folds), Number(values.seed));
    return;
  }
  const names = Object.keys(RANKING.rerank) as (keyof RerankInputs)[];
  const groups: CandidateGroup[] = [];
  for (const file of files) {
    const set = await readQuestionSet(file);
    const index = await openIndex(join(dirname(file), 'knowledge'));
    const candidates = (question: string): readonly RankedPassage[] => searchPassages(index, question, { limit: RANKING.candidates }).passages;
    const vector = (p: RankedPassage): number[] => {
      const inputs = rerankInputs(p.bm25, p.features);
      return names.map((n) => inputs[n]);
    };
    if (set.format === 'squad') {
      const paragraphs = squadParagraphs(index.knowledge);
      for (const q of set.questions.filter((q) => q.id === undefined || !excluded.has(q.id)).slice(0, limit)) {
        const gold = paragraphs.get(q.title)?.[q.paragraph] ?? '';
        const passages = candidates(q.question);
        groups.push({ features: passages.map(vector), relevant: passages.map((p) => p.passage.title === q.title && gold.includes(squadSpace(p.passage.text))) });
      }
    } else if (set.format === 'claims') {
      for (const q of set.questions.slice(0, limit)) {
        const relevant = new Set(q.relevant);
        const passages = candidates(q.question);
        const documentId = (p: RankedPassage): string => documentIdOf(index.knowledge.documents[p.passage.documentIndex]!.path);
        groups.push({ features: passages.map(vector), relevant: passages.map((p) => relevant.has(documentId(p))) });
      }
    } else {
      throw new UsageError(`${file}: ranking needs SQuAD or claims questions\n${USAGE}`);
    }
    console.log(`${file}: ${groups.length} questions so far`);
  }
  const model = fitListwise(groups);
  console.log(`fitted on ${groups.length} questions; RANKING.rerank =`);
  console.log(`{ ${names.map((n, i) => `${n}: ${model.weights[i]!.toFixed(3)}`).join(', ')} }`);
});

async function fitAbstention(file: string, excluded: ReadonlySet<string>, limit: number, folds: number, seed: number): Promise<void> {
  const set = await readQuestionSet(file);
  if (set.format !== 'squad') throw new UsageError(`abstention needs a SQuAD question file\n${USAGE}`);
  const questions = set.questions.filter((q) => q.id === undefined || !excluded.has(q.id)).slice(0, limit);
  const knowledge = await loadKnowledge(join(dirname(file), 'knowledge'));
  const titles = [...new Set(knowledge.documents.map((d) => d.title))];
  const rows: number[][] = [];
  const labels: boolean[] = [];
  let answerable = 0;
  let refusedOutright = 0;
  let names: (keyof EvidenceFeatures)[] = [];
  for (const heldOut of articleFolds(titles, folds, seed)) {
    const held = new Set(heldOut);
    const index = buildSearchIndex(withoutDocuments(knowledge, held));
    for (const q of questions) {
      const kept = !held.has(q.title);
      if (kept) answerable++;
      const result = searchPassages(index, q.question, { limit: 3 });
      const facts = result.passages.length > 0 ? readEvidenceFacts(index, result) : undefined;
      if (facts === undefined || outrightAbstention(index, result, facts) !== undefined) {
        if (kept) refusedOutright++;
        continue;
      }
      const features = evidenceFeatures(index, result, facts);
      if (names.length === 0) names = Object.keys(features) as (keyof EvidenceFeatures)[];
      rows.push(names.map((n) => features[n]));
      labels.push(kept);
    }
    console.log(`fold holding out ${heldOut.length} articles: ${rows.length} rows so far`);
  }
  const model = fitLogistic(rows, labels);
  const evidence = rows.map((row) => logisticProbability(model, row));
  // The threshold: refuse at most the budget of answerable questions, outright refusals included.
  const keptEvidence = evidence.filter((_, r) => labels[r]).sort((a, b) => a - b);
  const allowed = Math.max(0, Math.floor(FALSE_ABSTENTION_BUDGET * answerable) - refusedOutright);
  const threshold = keptEvidence[Math.min(allowed, keptEvidence.length - 1)] ?? 0;
  const heldRows = evidence.filter((_, r) => !labels[r]);
  const heldTotal = questions.length * folds - answerable;
  const heldRefused = heldTotal - heldRows.filter((e) => e >= threshold).length;
  console.log(`fitted on ${rows.length} questions; EVIDENCE_WEIGHTS =`);
  console.log(`{ bias: ${model.bias.toFixed(2)}, ${names.map((n, i) => `${n}: ${model.weights[i]!.toFixed(2)}`).join(', ')} }`);
  console.log(`MIN_EVIDENCE ${threshold.toFixed(3)}: refuses ${(heldRefused / heldTotal).toFixed(3)} of held-out questions on these folds`);
}

async function fitExcerpts(file: string, excluded: ReadonlySet<string>, limit: number): Promise<void> {
  const set = await readQuestionSet(file);
  if (set.format !== 'squad') throw new UsageError(`excerpts needs a SQuAD question file\n${USAGE}`);
  const index = await openIndex(join(dirname(file), 'knowledge'));
  const paragraphs = squadParagraphs(index.knowledge);
  const names = Object.keys(EXCERPT_WEIGHTS) as (keyof SpanFeatures)[];
  const lower = (text: string): string => squadSpace(text).toLowerCase();
  const groups: CandidateGroup[] = [];
  for (const q of set.questions.filter((q) => q.id === undefined || !excluded.has(q.id)).slice(0, limit)) {
    const gold = paragraphs.get(q.title)?.[q.paragraph] ?? '';
    const answers = q.answers.map(lower);
    const { plan, conceptWeights } = searchPassages(index, q.question, { limit: 1 });
    for (const passage of index.knowledge.passages) {
      if (index.knowledge.documents[passage.documentIndex]!.title !== q.title || !gold.includes(squadSpace(passage.text))) continue;
      const candidates = excerptCandidates(plan, conceptWeights, passage, EXCERPT_MAX_CHARS, index.memo.sentences(passage));
      const texts = candidates.map((c) => lower(passage.text.slice(c.span.start, c.span.end)));
      groups.push({ features: candidates.map((c) => names.map((n) => c.features[n])), relevant: texts.map((t) => answers.some((a) => t.includes(a))) });
    }
  }
  // Only passages where the choice matters teach: some excerpts hold the answer and some do not.
  const useful = groups.filter((g) => g.relevant.some(Boolean) && !g.relevant.every(Boolean));
  // Pointwise: the shown excerpt should be the one most likely to hold the answer.
  const model = fitLogistic(useful.flatMap((g) => g.features), useful.flatMap((g) => g.relevant));
  console.log(`fitted on ${useful.length} passages; EXCERPT_WEIGHTS =`);
  console.log(`{ ${names.map((n, i) => `${n}: ${model.weights[i]!.toFixed(3)}`).join(', ')} }`);
}
