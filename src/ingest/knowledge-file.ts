/**
 * The files ingestion writes: Markdown with front matter, or MediaWiki text with a `.meta.yaml`
 * sidecar, checked with the knowledge loader's own parser before they are written, and written
 * atomically (temporary file beside it, then rename), so a reader sees the old file or the new one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseMetadata, sidecarPathFor } from '../knowledge/front-matter.js';
import { parseKnowledgeFile } from '../knowledge/parse-document.js';
import { IngestError } from './errors.js';

/** Metadata written for an ingested document: exactly the keys the loader reads. */
export interface IngestedMetadata {
  readonly title: string;
  /** The live URL (front matter `source`), when the document has one. */
  readonly source?: string;
  readonly license?: string;
  /** What tells apart pages sharing a title ("Overview" on every docs site): the source key. */
  readonly docId: string;
  readonly fetchedAt: string;
  readonly revision?: string;
  readonly permalink?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

/** A document ready to be written: its file text and, for MediaWiki text, its sidecar. */
export interface RenderedDocument {
  /** File name extension: `.md` (front matter) or `.txt` (with a sidecar). */
  readonly extension: '.md' | '.txt';
  readonly text: string;
  readonly sidecar?: string;
}

/**
 * The metadata as YAML lines; every value is a JSON string, which is valid YAML and takes the
 * loader's fast path.
 *
 * @example metadataYaml({ title: 'A', docId: 'x', fetchedAt: '2026-12-01T00:00:00Z' })
 * // 'title: "A"\ndoc_id: "x"\nfetched_at: "2026-12-01T00:00:00Z"\n'
 */
export function metadataYaml(metadata: IngestedMetadata): string {
  const entries: [string, string | undefined][] = [
    ['title', metadata.title],
    ['source', metadata.source],
    ['license', metadata.license],
    ['doc_id', metadata.docId],
    ['fetched_at', metadata.fetchedAt],
    ['revision', metadata.revision],
    ['permalink', metadata.permalink],
    ['etag', metadata.etag],
    ['last_modified', metadata.lastModified],
  ];
  return entries.filter(([, value]) => value !== undefined).map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`).join('');
}

/**
 * A Markdown knowledge file: front matter, the title as H1, then the body.
 *
 * @example renderMarkdown({ title: 'A', docId: 'x', fetchedAt: '…' }, '## Setup\n\nRun it.').text.startsWith('---\ntitle: "A"') // true
 */
export function renderMarkdown(metadata: IngestedMetadata, body: string): RenderedDocument {
  const heading = /^#\s/.test(body) ? '' : `# ${metadata.title.replace(/\n/g, ' ')}\n\n`;
  return { extension: '.md', text: `---\n${metadataYaml(metadata)}---\n${heading}${body.trim()}\n` };
}

/**
 * A MediaWiki-style text file (`= Title =` first) and its sidecar, like the shipped article.
 *
 * @example renderMediaWiki({ title: 'A', docId: 'x', fetchedAt: '…' }, '== B ==\nText.').text // '= A =\n\n== B ==\nText.\n'
 */
export function renderMediaWiki(metadata: IngestedMetadata, body: string): RenderedDocument {
  const sidecar = `# Written by npm run ingest / sync; edits here are replaced on the next sync.\n${metadataYaml(metadata)}`;
  return { extension: '.txt', text: `= ${metadata.title} =\n\n${body.trim()}\n`, sidecar };
}

/**
 * sha256 of the content that matters (not the fetch time), to tell a changed page from a re-fetched one.
 *
 * @example contentHash('a') === contentHash('a') // true
 */
export function contentHash(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * Throws an {@link IngestError} when the loader would refuse the document (no text, bad metadata),
 * so a bad page is reported instead of breaking the whole knowledge folder.
 */
export function checkDocument(path: string, rendered: RenderedDocument): void {
  const sidecar = rendered.sidecar === undefined ? undefined : parseMetadata(rendered.sidecar, 1, 'metadata');
  const result = parseKnowledgeFile({
    path,
    absolutePath: path,
    text: rendered.text,
    modifiedMs: 0,
    ...(sidecar === undefined ? {} : { sidecar: sidecar.metadata }),
  });
  const problems = [...(sidecar?.problems ?? []), ...result.problems];
  if (problems.length > 0 || result.parsed === undefined) {
    throw new IngestError(`not written: ${problems.map((p) => p.message).join('; ') || 'unreadable document'}`);
  }
  if (result.parsed.document.blocks.length === 0) throw new IngestError('skipped: no text');
}

/** The temporary files {@link writeFileAtomic} makes (dot-named, so the loader never reads one). */
const TEMPORARY_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temporary files a killed sync left in `folder` (a sync's own are renamed away before it ends).
 *
 * @example await removeStaleTemporaries('knowledge/docs')
 */
export async function removeStaleTemporaries(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => TEMPORARY_FILE.test(name)).map((name) => rm(join(folder, name), { force: true })));
}

/**
 * Writes `text` to `path` atomically: a dot-named temporary file (which the loader ignores) in the
 * same folder, flushed to disk, then renamed over the target.
 *
 * @example await writeFileAtomic('knowledge/docs/a.md', '# A\n\nText.\n')
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes a document, text before sidecar: the loader refuses a sidecar without its text, while a
 * text without its sidecar still loads (its title is its `= Title =` line), so a kill in between is harmless.
 */
export async function writeDocument(absolutePath: string, rendered: RenderedDocument): Promise<void> {
  await writeFileAtomic(absolutePath, rendered.text);
  if (rendered.sidecar !== undefined) await writeFileAtomic(sidecarPathFor(absolutePath), rendered.sidecar);
}

/** Removes a document and its sidecar, sidecar first (see {@link writeDocument}); missing files are fine. */
export async function removeDocument(absolutePath: string): Promise<void> {
  await rm(sidecarPathFor(absolutePath), { force: true });
  await rm(absolutePath, { force: true });
}
