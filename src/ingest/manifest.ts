/**
 * What a source's last sync wrote: one JSON file per source in `<knowledge>/.ingest/` (the loader
 * skips dot-folders), mapping each item to its file and validators. The next sync diffs against it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { contentHash, writeFileAtomic } from './knowledge-file.js';
import type { ManifestEntry, SourceSpec } from './types.js';

/** Folder of the manifests, inside the knowledge folder. */
export const MANIFEST_FOLDER = '.ingest';
const MANIFEST_VERSION = 1;

/** A source's manifest. */
export interface Manifest {
  readonly source: string;
  readonly entries: Readonly<Record<string, ManifestEntry>>;
}

const ENTRY = z.object({
  file: z.string(),
  url: z.string(),
  hash: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  version: z.string().optional(),
  links: z.array(z.string()).optional(),
});
const MANIFEST = z.object({ version: z.literal(MANIFEST_VERSION), source: z.string(), entries: z.record(z.string(), ENTRY) });

/**
 * Where a source's manifest lives: named after the source and its collection.
 *
 * @example manifestPath('knowledge', { source: 'https://d.example/sitemap.xml', kind: 'sitemap' }) // 'knowledge/.ingest/d-example-sitemap-xml-1a2b3c4d.json'
 */
export function manifestPath(knowledgeRoot: string, spec: Pick<SourceSpec, 'source' | 'collection' | 'path'>): string {
  const identity = `${spec.source}\n${spec.collection ?? ''}\n${spec.path ?? ''}`;
  const readable = spec.source.replace(/^[a-z]+:\/\//i, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase();
  return join(knowledgeRoot, MANIFEST_FOLDER, `${readable}-${contentHash(identity).slice(0, 8)}.json`);
}

/** Reads a manifest; a missing or unreadable one is an empty manifest (everything is new). */
export async function readManifest(path: string, source: string): Promise<Manifest> {
  try {
    const parsed = MANIFEST.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success) return { source: parsed.data.source, entries: parsed.data.entries as Record<string, ManifestEntry> };
  } catch {
    // Missing or damaged: start afresh; files are found again under their deterministic names.
  }
  return { source, entries: {} };
}

/** Writes a manifest atomically, only when it differs from what is on disk (an unchanged sync writes nothing). */
export async function writeManifest(path: string, manifest: Manifest): Promise<boolean> {
  const sorted = Object.fromEntries(Object.entries(manifest.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const text = `${JSON.stringify({ version: MANIFEST_VERSION, source: manifest.source, entries: sorted }, null, 1)}\n`;
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === text) return false;
  await writeFileAtomic(path, text);
  return true;
}
