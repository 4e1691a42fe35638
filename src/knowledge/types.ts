/**
 * The shapes that flow from the knowledge folder to the index.
 *
 * A {@link SourceDocument} is one file as loaded and validated; its {@link Block}s are the
 * paragraphs and lists the parser found, each with its heading path and exact character range
 * in the file. The chunker turns blocks into {@link Passage}s: the unit that is indexed,
 * retrieved and cited.
 */

/** One paragraph or list of a document, exactly as it stands in the file. */
export interface Block {
  readonly kind: 'paragraph' | 'list';
  /** Headings above the block, outermost first, without the document title (empty at the top). */
  readonly headingPath: readonly string[];
  /** 1-based number of this block within its section. */
  readonly paragraph: number;
  /** Character offsets into {@link SourceDocument.text}: `text.slice(start, end)` is the block. */
  readonly start: number;
  readonly end: number;
  /** 1-based line of `start` in the file, for messages. */
  readonly line: number;
}

/** A knowledge file, loaded and validated. */
export interface SourceDocument {
  /** Path relative to the knowledge folder, with `/` separators: the document's stable key. */
  readonly path: string;
  /** Absolute path on disk. */
  readonly absolutePath: string;
  readonly title: string;
  /** Where the document comes from (front matter `source` or `url`), if known. */
  readonly url?: string;
  readonly license?: string;
  /**
   * The collection the document belongs to: the top-level subfolder of the knowledge folder it
   * sits in (`game-rules` for `game-rules/faq.md`); absent for files at the top level, which
   * belong to every collection.
   */
  readonly collection?: string;
  /** Where and when the text was fetched, for documents written by ingestion (front matter). */
  readonly provenance?: Provenance;
  /** The whole file content, unchanged. Excerpts are verbatim slices of it. */
  readonly text: string;
  readonly blocks: readonly Block[];
  /** Section heading paths in document order (for lookups and autocomplete). */
  readonly sections: readonly (readonly string[])[];
  /** Last modification time of the file (ms since epoch). */
  readonly modifiedMs: number;
}

/**
 * What ingestion records about a document's origin (front matter `fetched_at`, `revision`,
 * `permalink`, `etag`, `last_modified`); every field is optional.
 */
export interface Provenance {
  /** When the text was fetched, as an ISO 8601 date-time (`fetched_at`). */
  readonly fetchedAt?: string;
  /** The source's own revision id: a MediaWiki revision, a git commit (`revision`). */
  readonly revision?: string;
  /** A link that keeps showing this exact text: `?oldid=`, a blob URL at a commit (`permalink`). */
  readonly permalink?: string;
  /** HTTP validators of the fetched page, for conditional re-fetching (`etag`, `last_modified`). */
  readonly etag?: string;
  readonly lastModified?: string;
}

/** The unit that is indexed, retrieved and cited. */
export interface Passage {
  /** Stable id: the same file content always gives the same ids. */
  readonly id: string;
  /** Index into the knowledge base's document list. */
  readonly documentIndex: number;
  readonly title: string;
  /** Heading path joined with ` › ` (empty for text before the first heading). */
  readonly section: string;
  /** 1-based paragraph number within the section. */
  readonly paragraph: number;
  /** Character offsets of the passage in its document's text. */
  readonly start: number;
  readonly end: number;
  /** `document.text.slice(start, end)`. */
  readonly text: string;
}

/** Everything loaded from one knowledge folder. */
export interface KnowledgeBase {
  readonly root: string;
  readonly documents: readonly SourceDocument[];
  readonly passages: readonly Passage[];
  /** Alias phrases from `aliases.yaml` (lower-case key → expansions). */
  readonly aliases: ReadonlyMap<string, readonly string[]>;
}
