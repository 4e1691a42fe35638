import { parseArgs } from 'node:util';
import { knowledgeDirFor, processEnv } from '../config.js';
import { DEFAULT_DEPTH, DEFAULT_MAX_PAGES } from '../ingest/limits.js';
import { COLLECTION_NAME, isSourceUrl } from '../ingest/sources-file.js';
import { detectKind } from '../ingest/detect-kind.js';
import type { SourceKind, SourceSpec } from '../ingest/types.js';
import { syncAndReport } from './ingest-shared.js';
import { runCli, UsageError } from './run.js';

const USAGE = `usage: npm run ingest -- SOURCE [--knowledge DIR] [--collection NAME] [--max-pages N] [--depth N]
                          [--path DIR] [--branch NAME] [--kind page|sitemap|mediawiki|git] [--allow-private]
  SOURCE is a page URL, a sitemap URL, a MediaWiki page URL or a git repository (https://, file://, git@).
  Running it again re-syncs the source: unchanged pages cost one conditional request, gone pages are removed.`;

const KINDS: readonly SourceKind[] = ['page', 'sitemap', 'mediawiki', 'git'];

function wholeNumber(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}\n${USAGE}`);
  return number;
}

// Ingests one source into the knowledge folder (or a collection subfolder of it).
await runCli(async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      knowledge: { type: 'string' },
      collection: { type: 'string' },
      'max-pages': { type: 'string' },
      depth: { type: 'string' },
      path: { type: 'string' },
      branch: { type: 'string' },
      kind: { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
      'delay-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [source, ...extra] = positionals;
  if (source === undefined || extra.length > 0) throw new UsageError(`Give exactly one SOURCE.\n${USAGE}`);
  if (!isSourceUrl(source)) throw new UsageError(`Not a URL or repository: ${source}\n${USAGE}`);
  if (values.collection !== undefined && !COLLECTION_NAME.test(values.collection)) throw new UsageError(`--collection must be one folder name\n${USAGE}`);
  if (values.kind !== undefined && !KINDS.includes(values.kind as SourceKind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}\n${USAGE}`);
  const spec: SourceSpec = {
    source,
    kind: (values.kind as SourceKind | undefined) ?? detectKind(source),
    depth: wholeNumber(values.depth, 'depth', DEFAULT_DEPTH, 5),
    maxPages: Math.max(1, wholeNumber(values['max-pages'], 'max-pages', DEFAULT_MAX_PAGES, 100_000)),
    ...(values.collection === undefined ? {} : { collection: values.collection }),
    ...(values.path === undefined ? {} : { path: values.path }),
    ...(values.branch === undefined ? {} : { branch: values.branch }),
  };
  const env = processEnv();
  const delay = values['delay-ms'] === undefined ? undefined : wholeNumber(values['delay-ms'], 'delay-ms', 0, 60_000);
  await syncAndReport(
    [spec],
    { knowledgeDir: knowledgeDirFor(values.knowledge, env), allowPrivate: values['allow-private'], ...(delay === undefined ? {} : { hostDelayMs: delay }) },
    env,
  );
});
