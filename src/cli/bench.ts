import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure, type Measurement, type SystemName } from '../benchmark/measure.js';
import { runCli, UsageError } from './run.js';

const SHARED = '../shared';
const CORPORA = [
  { name: 'seed article', knowledge: 'knowledge', questions: `${SHARED}/eval/dev-questions.json` },
  { name: 'SQuAD dev (48 articles)', knowledge: `${SHARED}/squad/knowledge`, questions: `${SHARED}/squad/dev-1000.jsonl` },
] as const;
const SYSTEMS: readonly SystemName[] = ['raw-minisearch', 'footnote'];

const USAGE = 'usage: npm run bench [-- --corpus NAME]   (runs each system in its own process)';

/** Runs one measurement in a child process so heap and peak RSS are that system's alone. */
function measureInChild(system: SystemName, knowledge: string, questions: string): Measurement {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', script, '--worker', system, knowledge, questions], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measurement;
}

const pct = (x: number | undefined): string => (x === undefined ? '–' : (100 * x).toFixed(1));

function row(corpus: string, m: Measurement): string {
  const s = m.scores;
  return `| ${corpus} | ${m.system} | ${m.passages} | ${m.buildMs.toFixed(0)} | ${m.heapMb.toFixed(1)} | ${m.peakRssMb.toFixed(0)} | ${m.p50Ms.toFixed(2)} | ${m.p99Ms.toFixed(2)} | ${pct(s['hit@1'])} | ${pct(s['hit@3'])} | ${pct(s['answer@3'] ?? s['hit@3'])} | ${(s['chars/excerpt'] ?? 0).toFixed(0)} |`;
}

await runCli(async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { worker: { type: 'string' }, corpus: { type: 'string' } },
  });
  if (values.worker !== undefined) {
    const [knowledge, questions] = positionals;
    if (knowledge === undefined || questions === undefined) throw new UsageError(USAGE);
    console.log(JSON.stringify(await measure(values.worker as SystemName, knowledge, questions)));
    return;
  }
  const corpora = CORPORA.filter((c) => values.corpus === undefined || c.name.toLowerCase().includes(values.corpus.toLowerCase()));
  console.log('| corpus | system | passages | build ms | heap MB | peak RSS MB | p50 ms | p99 ms | hit@1 | hit@3 | answer@3 | chars/excerpt |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const corpus of corpora) {
    if (!existsSync(corpus.knowledge) || !existsSync(corpus.questions)) {
      process.stderr.write(`skipping ${corpus.name}: ${corpus.knowledge} or ${corpus.questions} is missing\n`);
      continue;
    }
    for (const system of SYSTEMS) console.log(row(corpus.name, measureInChild(system, corpus.knowledge, corpus.questions)));
  }
});
