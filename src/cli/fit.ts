import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fitListwise, type CandidateGroup } from '../evaluation/fit.js';
import { squadParagraphs } from '../evaluation/metrics.js';
import { readQuestionSet } from '../evaluation/question-sets.js';
import { openIndex } from '../retrieval/open-index.js';
import { RANKING } from '../retrieval/options.js';
import { rerankInputs, searchPassages, type RankedPassage, type RerankInputs } from '../retrieval/search.js';
import { runCli, UsageError } from './run.js';

const USAGE = `usage: npm run fit -- ranking QUESTIONS... [--exclude SQUAD.jsonl] [--limit N]
  Fits the re-ranker's weights (RANKING.rerank in src/retrieval/options.ts) listwise over each
  question's candidates, on SQuAD questions and/or BEIR claims (each file searched in the
  "knowledge" folder beside it), and prints them. --exclude leaves out the questions of another
  file (the development sample that measures the result); --limit caps each file.`;

const squadSpace = (s: string): string => s.replace(/[\u200b\u200e\ufeff]/g, '').replace(/\s+/g, ' ').trim();

await runCli(async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { exclude: { type: 'string' }, limit: { type: 'string' } },
  });
  const [what, ...files] = positionals;
  if (what !== 'ranking' || files.length === 0) throw new UsageError(USAGE);
  const excluded = new Set<string>();
  if (values.exclude !== undefined) {
    for (const line of (await readFile(values.exclude, 'utf8')).split('\n')) if (line.trim() !== '') excluded.add((JSON.parse(line) as { id: string }).id);
  }
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
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
        const documentId = (p: RankedPassage): string => basename(index.knowledge.documents[p.passage.documentIndex]!.path, extname(index.knowledge.documents[p.passage.documentIndex]!.path));
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
