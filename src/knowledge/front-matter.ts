/**
 * Document metadata: YAML front matter at the top of a Markdown file, and the
 * `<basename>.meta.yaml` sidecar for files that must stay byte-identical (like the shipped `.txt`).
 */
import { z } from 'zod';
import type { LineProblem } from './errors.js';
import { type Line, splitLines } from './lines.js';
import type { Provenance } from './types.js';
import { parseYamlMapping } from './yaml-mapping.js';

/** Metadata a knowledge file may declare; every field is optional. */
export interface DocumentMetadata {
  readonly title?: string;
  /** Front matter `source` (or `url`): where the document comes from. */
  readonly url?: string;
  readonly license?: string;
  /** An identifier that tells apart documents sharing a title (e.g. SciFact's `doc_id`). */
  readonly docId?: string;
  /** Origin of an ingested document (see {@link Provenance}). */
  readonly provenance?: Provenance;
  /** File line of the `title` key, when there is one. */
  readonly titleLine?: number;
}

/** Where front matter sits in a file. */
export interface FrontMatter {
  /** The YAML between the `---` lines. */
  readonly yaml: string;
  /** 1-based file line of the first YAML line. */
  readonly firstLine: number;
  /** Offset of the first character after the closing `---` line. */
  readonly bodyStart: number;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const HTTP_URL_MESSAGE = 'must be an http(s) URL';

const METADATA_SCHEMA = z.looseObject({
  title: z
    .string({ error: 'title must be a non-empty string' })
    .trim()
    .min(1, { error: 'title must be a non-empty string' })
    .optional(),
  source: z.url({ protocol: /^https?$/, error: `source ${HTTP_URL_MESSAGE}` }).optional(),
  url: z.url({ protocol: /^https?$/, error: `url ${HTTP_URL_MESSAGE}` }).optional(),
  license: z.string({ error: 'license must be a string' }).optional(),
  doc_id: z.union([z.string(), z.number()], { error: 'doc_id must be a string or a number' }).optional(),
  fetched_at: z.iso.datetime({ offset: true, error: 'fetched_at must be an ISO 8601 date-time such as 2026-12-01T10:00:00Z' }).optional(),
  revision: z.union([z.string().trim().min(1), z.number()], { error: 'revision must be a string or a number' }).optional(),
  permalink: z.url({ protocol: /^https?$/, error: `permalink ${HTTP_URL_MESSAGE}` }).optional(),
  etag: z.string({ error: 'etag must be a string' }).optional(),
  last_modified: z.string({ error: 'last_modified must be a string' }).optional(),
});

/** The provenance keys of validated metadata, or undefined when none is given. */
function provenanceOf(data: z.infer<typeof METADATA_SCHEMA>): Provenance | undefined {
  const provenance: Provenance = {
    ...(data.fetched_at !== undefined && { fetchedAt: data.fetched_at }),
    ...(data.revision !== undefined && { revision: String(data.revision) }),
    ...(data.permalink !== undefined && { permalink: data.permalink }),
    ...(data.etag !== undefined && { etag: data.etag }),
    ...(data.last_modified !== undefined && { lastModified: data.last_modified }),
  };
  return Object.keys(provenance).length > 0 ? provenance : undefined;
}

/**
 * Finds front matter: a `---` line at the very start, YAML, then a `---` (or `...`) line.
 * Returns `undefined` when the file does not start with `---`; a problem when it is never closed.
 *
 * @example splitFrontMatter('---\ntitle: A\n---\n# A\n') // { frontMatter: { yaml: 'title: A\n', firstLine: 2, bodyStart: 17 }, problems: [] }
 */
export function splitFrontMatter(
  text: string,
  lines: readonly Line[] = splitLines(text),
): { frontMatter?: FrontMatter; problems: LineProblem[] } {
  const [opening] = lines;
  if (opening === undefined || !OPENING.test(text.slice(opening.start, opening.end))) return { problems: [] };
  const closingIndex = lines.findIndex(
    (line, index) => index > 0 && CLOSING.test(text.slice(line.start, line.end)),
  );
  const closing = lines[closingIndex];
  const firstYamlLine = lines[1];
  if (closing === undefined || firstYamlLine === undefined) {
    return { problems: [{ line: 1, message: 'front matter: no closing --- line' }] };
  }
  return {
    frontMatter: {
      yaml: text.slice(firstYamlLine.start, closing.start),
      firstLine: firstYamlLine.number,
      bodyStart: lines[closingIndex + 1]?.start ?? text.length,
    },
    problems: [],
  };
}

/**
 * Parses and validates metadata YAML (front matter or a sidecar file) starting at file line `firstLine`.
 * Unknown keys are allowed; `label` prefixes messages ("front matter" or "metadata").
 *
 * @example
 * parseMetadata('title: ""\n', 2, 'front matter').problems
 * // [{ line: 2, message: 'front matter: title must be a non-empty string' }]
 */
export function parseMetadata(
  yaml: string,
  firstLine: number,
  label: string,
): { metadata: DocumentMetadata; problems: LineProblem[] } {
  const { mapping, problems } = parseYamlMapping(yaml, firstLine, label);
  if (mapping === undefined) return { metadata: {}, problems };
  const result = METADATA_SCHEMA.safeParse(mapping.data);
  if (!result.success) {
    const schemaProblems = result.error.issues.map((issue) => ({
      line: mapping.lineOf(issue.path[0]),
      message: `${label}: ${issue.message}`,
    }));
    return { metadata: {}, problems: schemaProblems };
  }
  const { title, source, url, license, doc_id: docId } = result.data;
  const link = source ?? url;
  const provenance = provenanceOf(result.data);
  return {
    metadata: {
      ...(title !== undefined && { title, titleLine: mapping.lineOf('title') }),
      ...(link !== undefined && { url: link }),
      ...(license !== undefined && { license }),
      ...(docId !== undefined && { docId: String(docId) }),
      ...(provenance !== undefined && { provenance }),
    },
    problems: [],
  };
}

/**
 * Combines in-file metadata with a sidecar's: sidecar values win, missing ones fall back.
 *
 * @example mergeMetadata({ title: 'A', license: 'MIT' }, { title: 'B' }) // { title: 'B', license: 'MIT' }
 */
export function mergeMetadata(inFile: DocumentMetadata, sidecar: DocumentMetadata): DocumentMetadata {
  // A title line is only meaningful for a title written in the file itself.
  const { titleLine: _sidecarLine, ...fromSidecar } = sidecar;
  if (fromSidecar.title === undefined) return { ...inFile, ...fromSidecar };
  const { titleLine: _fileLine, ...fromFile } = inFile;
  return { ...fromFile, ...fromSidecar };
}

/**
 * The sidecar metadata file of a knowledge file: same folder and base name, `.meta.yaml`.
 *
 * @example sidecarPathFor('notes/a.txt') // 'notes/a.meta.yaml'
 */
export function sidecarPathFor(path: string): string {
  return path.replace(/\.[^./]*$/, '') + '.meta.yaml';
}
