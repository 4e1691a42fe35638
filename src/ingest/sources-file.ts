/**
 * `knowledge/sources.yaml`: the sources `npm run sync` and the bot keep in sync, validated with zod
 * and reported as `path:line: message` like every other knowledge problem.
 *
 * ```yaml
 * sources:
 *   - source: https://docs.example.org/sitemap.xml
 *     collection: docs
 *     schedule: 6h
 *   - source: https://github.com/acme/handbook.git
 *     path: docs/
 *     schedule: 1d
 * ```
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { LineProblem } from '../knowledge/errors.js';
import { detectKind } from './detect-kind.js';
import type { SourceSpec } from './types.js';

/** The file's name, at the root of the knowledge folder. */
export const SOURCES_FILE = 'sources.yaml';
/** The shortest schedule accepted: a sync more often than this is not polite to anyone's server. */
export const MIN_SCHEDULE_MS = 5 * 60 * 1000;
const SCHEDULE = /^(\d+)\s*(m|h|d)$/;
const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
/** A collection is one folder name. */
export const COLLECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Milliseconds of a schedule such as `30m`, `6h` or `1d`; undefined when malformed.
 *
 * @example scheduleMs('6h') // 21600000
 */
export function scheduleMs(schedule: string): number | undefined {
  const match = SCHEDULE.exec(schedule.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return Number(match[1]) * (UNIT_MS[match[2]] ?? 0);
}

/**
 * Whether a string is a source Footnote can ingest: an http(s) URL, a `file://` URL or an scp-style git remote.
 *
 * @example isSourceUrl('git@github.com:acme/docs.git') // true
 */
export function isSourceUrl(source: string): boolean {
  if (/^[\w.-]+@[\w.-]+:[\w./~-]+$/.test(source)) return true;
  try {
    return ['http:', 'https:', 'file:', 'ssh:'].includes(new URL(source).protocol);
  } catch {
    return false;
  }
}

const ENTRY = z.strictObject({
  source: z.string({ error: 'source is required' }).refine(isSourceUrl, { error: 'source must be an http(s) URL, a file:// URL or a git remote' }),
  kind: z.enum(['page', 'sitemap', 'mediawiki', 'git'], { error: 'kind must be page, sitemap, mediawiki or git' }).optional(),
  collection: z.string().regex(COLLECTION_NAME, { error: 'collection must be one folder name (letters, digits, . _ -)' }).optional(),
  path: z.string({ error: 'path must be a folder of the repository' }).refine((p) => !p.split('/').includes('..'), { error: 'path must stay inside the repository' }).optional(),
  branch: z.string().regex(/^[\w][\w./-]*$/, { error: 'branch must be a branch name' }).optional(),
  depth: z.int({ error: 'depth must be a whole number from 0 to 5' }).min(0).max(5).optional(),
  max_pages: z.int({ error: 'max_pages must be a whole number from 1 to 100000' }).min(1).max(100_000).optional(),
  api: z.url({ protocol: /^https?$/, error: 'api must be an http(s) URL' }).optional(),
  schedule: z
    .string({ error: 'schedule must look like 30m, 6h or 1d' })
    .refine((s) => (scheduleMs(s) ?? 0) >= MIN_SCHEDULE_MS, { error: 'schedule must look like 30m, 6h or 1d, and be at least 5m' })
    .optional(),
});
const FILE = z.strictObject({ sources: z.array(ENTRY, { error: 'sources must be a list' }) }, { error: 'sources.yaml must be a mapping with a "sources" list' });

/**
 * Parses and validates the text of a sources file; every problem carries the line of the offending entry or key.
 *
 * @example parseSources('sources:\n  - source: ftp://x\n').problems // [{ line: 2, message: 'sources: source must be an http(s) URL, …' }]
 */
export function parseSources(text: string): { sources: SourceSpec[]; problems: LineProblem[] } {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter });
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : counter.linePos(offset).line);
  if (document.errors.length > 0) {
    return { sources: [], problems: document.errors.map((error) => ({ line: lineAt(error.pos[0]), message: `sources: ${error.message.split('\n')[0] ?? ''}`.replace(/ at line \d+, column \d+:?$/, '') })) };
  }
  const data: unknown = document.toJS() ?? {};
  const parsed = FILE.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ line: lineOfPath(document, issue.path, lineAt), message: `sources: ${issue.message}` }));
    return { sources: [], problems };
  }
  const sources = parsed.data.sources.map((entry): SourceSpec => ({
    source: entry.source,
    kind: entry.kind ?? detectKind(entry.source),
    ...(entry.collection === undefined ? {} : { collection: entry.collection }),
    ...(entry.path === undefined ? {} : { path: entry.path }),
    ...(entry.branch === undefined ? {} : { branch: entry.branch }),
    ...(entry.depth === undefined ? {} : { depth: entry.depth }),
    ...(entry.max_pages === undefined ? {} : { maxPages: entry.max_pages }),
    ...(entry.api === undefined ? {} : { api: entry.api }),
    ...(entry.schedule === undefined ? {} : { schedule: entry.schedule }),
  }));
  return { sources, problems: [] };
}

/** The line of the deepest node on `path` that exists (the key's line for a bad value, the entry's for a missing key). */
function lineOfPath(document: ReturnType<typeof parseDocument>, path: readonly PropertyKey[], lineAt: (offset: number | undefined) => number): number {
  let node: unknown = document.contents;
  let line = lineAt((document.contents as { range?: [number] } | null)?.range?.[0]);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (pair === undefined) break;
      line = lineAt((pair.key as { range?: [number] } | null)?.range?.[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      line = lineAt((node as { range?: [number] } | null)?.range?.[0]);
    } else break;
  }
  return line;
}

/**
 * Reads `<knowledge>/sources.yaml`: no file means no sources (and no problems).
 *
 * @example const { sources, problems } = await readSources('knowledge');
 */
export async function readSources(knowledgeDir: string): Promise<{ sources: SourceSpec[]; problems: LineProblem[]; path: string }> {
  const path = join(knowledgeDir, SOURCES_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { sources: [], problems: [], path };
    return { sources: [], problems: [{ line: 0, message: `unreadable file: ${(error as { code?: string }).code ?? String(error)}` }], path };
  }
  return { ...parseSources(text), path };
}
