import { parseArgs } from 'node:util';
import { knowledgeDirFor, processEnv } from '../config.js';
import { displayPath } from '../knowledge/find-files.js';
import { KnowledgeError } from '../knowledge/errors.js';
import { readSources, SOURCES_FILE } from '../ingest/sources-file.js';
import { syncAndReport } from './ingest-shared.js';
import { runCli, UsageError } from './run.js';

const USAGE = `usage: npm run sync -- [--knowledge DIR] [--only SOURCE] [--allow-private]
  Re-ingests every source of <knowledge>/sources.yaml (or only one of them).`;

// Keeps the knowledge in sync with the sources declared in sources.yaml.
await runCli(async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      knowledge: { type: 'string' },
      only: { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
      'delay-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = processEnv();
  const knowledgeDir = knowledgeDirFor(values.knowledge, env);
  const { sources, problems } = await readSources(knowledgeDir);
  if (problems.length > 0) throw new KnowledgeError(problems.map((problem) => ({ path: displayPath(knowledgeDir, SOURCES_FILE), ...problem })));
  const chosen = values.only === undefined ? sources : sources.filter((spec) => spec.source === values.only);
  if (chosen.length === 0) throw new UsageError(values.only === undefined ? `${displayPath(knowledgeDir, SOURCES_FILE)} declares no sources.\n${USAGE}` : `No source ${values.only} in ${SOURCES_FILE}.`);
  const delay = values['delay-ms'] === undefined ? undefined : Number(values['delay-ms']);
  if (delay !== undefined && (!Number.isInteger(delay) || delay < 0)) throw new UsageError(`--delay-ms must be a whole number\n${USAGE}`);
  await syncAndReport(chosen, { knowledgeDir, allowPrivate: values['allow-private'], ...(delay === undefined ? {} : { hostDelayMs: delay }) }, env);
});
