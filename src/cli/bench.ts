import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure, type Measurement, type SystemName } from '../benchmark/measure.js';
import { measureScale, type ScaleMeasurement, type ScalePhase } from '../benchmark/measure-scale.js';
import { makeScaleCorpus } from '../benchmark/scale-corpus.js';
import { runCli, UsageError } from './run.js';

const SHARED = '../shared';
const CORPORA = [
  { name: 'seed article', knowledge: 'knowledge', questions: `${SHARED}/eval/dev-questions.json` },
  { name: 'SQuAD dev (48 articles)', knowledge: `${SHARED}/squad/knowledge`, questions: `${SHARED}/squad/dev-1000.jsonl` },
] as const;
const SYSTEMS: readonly SystemName[] = ['raw-minisearch', 'footnote'];

const USAGE = 'usage: npm run bench [-- --corpus NAME | --scale PASSAGES]   (each system runs in its own process)';

/** Runs one measurement in a child process so heap and peak RSS are that system's alone. */
const measureInChild = (system: SystemName, knowledge: string, questions: string): Measurement => child<Measurement>(['--worker', system, knowledge, questions]);

const pct = (x: number | undefined): string => (x === undefined ? '–' : (100 * x).toFixed(1));

function row(corpus: string, m: Measurement): string {
  const s = m.scores;
  return `| ${corpus} | ${m.system} | ${m.passages} | ${m.buildMs.toFixed(0)} | ${m.heapMb.toFixed(1)} | ${m.peakRssMb.toFixed(0)} | ${m.p50Ms.toFixed(2)} | ${m.p99Ms.toFixed(2)} | ${pct(s['hit@1'])} | ${pct(s['hit@3'])} | ${pct(s['answer@3'] ?? s['hit@3'])} | ${(s['chars/excerpt'] ?? 0).toFixed(0)} |`;
}

const SCALE_QUESTIONS = 200;

/** Runs a child of this script with `args` and parses the JSON line it prints last. */
function child<T>(args: readonly string[]): T {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as T;
}

/** `--scale N`: a reproducible large folder (SQuAD copied), each system built then loaded in its own process. */
function benchScale(target: number): void {
  const source = `${SHARED}/squad/knowledge`;
  const questionsFile = `${SHARED}/squad/dev-1000.jsonl`;
  if (!existsSync(source) || !existsSync(questionsFile)) throw new UsageError(`--scale needs ${source} and ${questionsFile}`);
  const root = mkdtempSync(join(tmpdir(), 'footnote-scale-'));
  try {
    const corpus = makeScaleCorpus(source, target, join(root, 'knowledge'));
    process.stderr.write(`scale corpus: ${corpus.copies} copies of ${source}, ${corpus.files} files, ${corpus.paragraphs} paragraphs (in ${root})\n`);
    console.log('| system | phase | passages | ready s | heap MB | peak RSS MB | p50 ms | p99 ms |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const system of SYSTEMS) {
      const cache = join(root, `cache-${system}`);
      mkdirSync(cache);
      for (const phase of ['build', 'load'] as const) {
        const m = child<ScaleMeasurement>(['--scale-worker', system, phase, corpus.dir, cache, questionsFile]);
        console.log(`| ${m.system} | ${m.phase} | ${m.passages} | ${(m.readyMs / 1000).toFixed(1)} | ${m.heapMb.toFixed(0)} | ${m.peakRssMb.toFixed(0)} | ${m.p50Ms.toFixed(1)} | ${m.p99Ms.toFixed(1)} |`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await runCli(async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { worker: { type: 'string' }, corpus: { type: 'string' }, scale: { type: 'string' }, 'scale-worker': { type: 'string' } },
  });
  if (values['scale-worker'] !== undefined) {
    const [phase, knowledge, cache, questionsFile] = positionals;
    if (phase === undefined || knowledge === undefined || cache === undefined || questionsFile === undefined) throw new UsageError(USAGE);
    const questions = readFileSync(questionsFile, 'utf8').split('\n').filter((l) => l.trim()).slice(0, SCALE_QUESTIONS).map((l) => (JSON.parse(l) as { question: string }).question.trim());
    console.log(JSON.stringify(await measureScale(values['scale-worker'] as SystemName, phase as ScalePhase, knowledge, cache, questions)));
    return;
  }
  if (values.scale !== undefined) {
    const target = Number(values.scale);
    if (!Number.isInteger(target) || target < 1) throw new UsageError(`--scale takes a number of passages\n${USAGE}`);
    benchScale(target);
    return;
  }
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
