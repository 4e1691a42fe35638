/**
 * One knowledge file → a {@link SourceDocument}: metadata, title, blocks and sections, or the problems that prevent it.
 */
import type { LineProblem } from './errors.js';
import { type DocumentMetadata, mergeMetadata, parseMetadata, splitFrontMatter } from './front-matter.js';
import { splitLines } from './lines.js';
import type { ParsedText } from './outline.js';
import { parseMarkdown } from './parse-markdown.js';
import { parseMediaWiki } from './parse-mediawiki.js';
import type { SourceDocument } from './types.js';

/** A knowledge file read from disk. */
export interface KnowledgeFileInput {
  /** Path relative to the knowledge folder, with `/` separators. */
  readonly path: string;
  readonly absolutePath: string;
  readonly text: string;
  readonly modifiedMs: number;
  /** Metadata from the file's `.meta.yaml` sidecar, which overrides its front matter. */
  readonly sidecar?: DocumentMetadata;
}

/** A parsed document plus what cross-document checks need. */
export interface ParsedKnowledgeFile {
  readonly document: SourceDocument;
  /** File line where the title is written (1 when it comes from a sidecar or the file name). */
  readonly titleLine: number;
  readonly docId?: string;
}

/**
 * Parses a knowledge file: `.txt` as MediaWiki-style text, anything else as Markdown with optional
 * front matter. The title is the metadata title, else the first H1 (or `= Title =`), else the file name.
 *
 * @example parseKnowledgeFile({ path: 'a.md', absolutePath: '/k/a.md', text: '# A\n\nHi.\n', modifiedMs: 0 }).parsed?.document.title // 'A'
 */
export function parseKnowledgeFile(input: KnowledgeFileInput): { parsed?: ParsedKnowledgeFile; problems: LineProblem[] } {
  const { path, text } = input;
  const problems: LineProblem[] = [];
  let inFile: DocumentMetadata = {};
  let body: ParsedText;
  if (path.toLowerCase().endsWith('.txt')) {
    body = parseMediaWiki(text);
  } else {
    const lines = splitLines(text);
    const { frontMatter, problems: frontMatterProblems } = splitFrontMatter(text, lines);
    problems.push(...frontMatterProblems);
    if (frontMatter !== undefined) {
      const parsed = parseMetadata(frontMatter.yaml, frontMatter.firstLine, 'front matter');
      problems.push(...parsed.problems);
      inFile = parsed.metadata;
    }
    body = parseMarkdown(text, frontMatter?.bodyStart ?? 0);
  }
  problems.push(...body.problems);
  if (body.blocks.length === 0) {
    problems.push({ line: 1, message: 'empty document: no paragraphs outside headings and navigation sections' });
  }
  if (problems.length > 0) return { problems: problems.sort((a, b) => a.line - b.line) };

  const metadata = mergeMetadata(inFile, input.sidecar ?? {});
  const title = metadata.title ?? body.headingTitle?.text ?? titleFromFileName(path);
  const titleLine = metadata.title !== undefined ? (metadata.titleLine ?? 1) : (body.headingTitle?.line ?? 1);
  const collection = collectionOf(path);
  const document: SourceDocument = {
    path,
    absolutePath: input.absolutePath,
    title,
    ...(metadata.url !== undefined && { url: metadata.url }),
    ...(metadata.license !== undefined && { license: metadata.license }),
    ...(collection !== undefined && { collection }),
    ...(metadata.provenance !== undefined && { provenance: metadata.provenance }),
    text,
    blocks: body.blocks,
    sections: body.sections,
    modifiedMs: input.modifiedMs,
  };
  return { parsed: { document, titleLine, ...(metadata.docId !== undefined && { docId: metadata.docId }) }, problems };
}

/**
 * A readable title from a file name: no folder, no extension, dashes and underscores as spaces.
 *
 * @example titleFromFileName('notes/house-rules.md') // 'house rules'
 */
function titleFromFileName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  return base.replace(/[-_]+/g, ' ').trim() || base;
}

/**
 * The collection of a knowledge file: its top-level folder, or undefined at the top level.
 *
 * @example collectionOf('game-rules/faq.md') // 'game-rules'
 * @example collectionOf('faq.md') // undefined
 */
export function collectionOf(path: string): string | undefined {
  const slash = path.indexOf('/');
  return slash > 0 ? path.slice(0, slash) : undefined;
}
