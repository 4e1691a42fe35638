/**
 * The knowledge service: holds the index in use, swaps it atomically when a reload succeeds,
 * and answers everything the bot's commands ask of the knowledge. Every method is async so a
 * test can stand in a slow service, and so a heavier backend could replace this one later.
 */
import { answerQuestion, DEFAULT_EXCERPTS, type Answer } from '../answer/answer.js';
import { surroundingContext, type PassageContext } from '../answer/context.js';
import { lastCommitTimes, summarizeDocuments, type DocumentSummary } from '../answer/documents.js';
import { viewPassage, type PassageView } from '../answer/passage-view.js';
import { findSections, type SectionEntry } from '../answer/sections.js';
import { KnowledgeError } from '../knowledge/errors.js';
import { warnOnStderr } from '../retrieval/open-index.js';
import { openIndexInWorker } from '../retrieval/open-index-in-worker.js';
import { preloadWordClasses } from '../retrieval/word-classes.js';
import { prepareWordVectors } from '../retrieval/word-vectors.js';
import type { SearchIndex } from '../retrieval/search-index.js';
import { inCollections } from '../retrieval/search.js';
import { suggestPassages, type PassageSuggestion } from '../retrieval/suggest.js';
import { diffKnowledge, type KnowledgeDiff } from './reload-diff.js';
import { buildSnapshot, type KnowledgeSnapshot } from './snapshot.js';

/** A document cited by an answer, for the "source" line. */
export interface SourceNote {
  readonly title: string;
  readonly license?: string;
}

/** One page of an answer. */
export interface AnswerPage {
  readonly answer: Answer;
  /** Offset of the first excerpt among all results. */
  readonly offset: number;
  /** Whether results continue after this page. */
  readonly hasMore: boolean;
  /** The documents the excerpts come from, in order of first citation. */
  readonly sources: readonly SourceNote[];
}

/** Which page of an answer to compute, and over which collections. */
interface AskPageOptions {
  readonly offset?: number;
  readonly limit?: number;
  /** Search only these collections; absent or empty: everything. */
  readonly collections?: readonly string[];
}

const restricted = (collections: readonly string[] | undefined): collections is readonly string[] => collections !== undefined && collections.length > 0;

/** Size of the knowledge in use. */
interface KnowledgeStats {
  readonly documents: number;
  readonly passages: number;
  readonly loadedAt: number;
}

/** What a reload did. On failure the previous knowledge stays in use. */
export type ReloadOutcome =
  | { readonly ok: true; readonly diff: KnowledgeDiff; readonly stats: KnowledgeStats }
  | { readonly ok: false; readonly problems: readonly string[]; readonly stats: KnowledgeStats };

/** Everything the bot needs from the knowledge. */
export interface KnowledgeService {
  /** The folder served. */
  readonly dir: string;
  stats(): KnowledgeStats;
  /** The loaded folder's absolute path (citations name files relative to it). */
  knowledgeRoot(): string;
  /** One page of the answer to a question (default: the first {@link DEFAULT_EXCERPTS} excerpts). */
  ask(question: string, page?: AskPageOptions): Promise<AnswerPage>;
  /** Passages matching what was typed, only from `collections` when given (empty: all). */
  suggestPassages(typed: string, limit: number, collections?: readonly string[]): Promise<PassageSuggestion[]>;
  /** A passage by id, or undefined when the current knowledge no longer has it. */
  passage(passageId: string): Promise<PassageView | undefined>;
  /** A passage and the paragraphs around it. */
  context(passageId: string): Promise<PassageContext | undefined>;
  /** Documents and sections matching what was typed, only from `collections` when given (empty: all). */
  suggestSections(typed: string, limit: number, collections?: readonly string[]): Promise<SectionEntry[]>;
  /** A document or section by the key from {@link suggestSections}; undefined outside `collections` when given. */
  section(key: string, collections?: readonly string[]): Promise<SectionEntry | undefined>;
  /** Every document, or those `collections` see (documents outside any collection included). */
  documents(collections?: readonly string[]): Promise<DocumentSummary[]>;
  /** Loads the folder again; concurrent calls share one load. */
  reload(): Promise<ReloadOutcome>;
  /** The index in use, read only (gap analysis and drift checks read its knowledge and term statistics). */
  index(): SearchIndex;
}

/** Options of {@link createKnowledgeService}. */
export interface KnowledgeServiceOptions {
  /** Milliseconds since epoch (default `Date.now`). */
  readonly clock?: () => number;
  /** Loads a folder (default {@link openIndex}); tests may count or slow loads. */
  readonly open?: (dir: string) => Promise<SearchIndex>;
  /** Where index warnings go (a damaged or unwritable index cache). Default: stderr. */
  readonly warn?: (message: string) => void;
}

/**
 * Loads a knowledge folder and serves it. Throws {@link KnowledgeError} when the folder is invalid
 * (a bot must not start on broken knowledge; a reload later keeps the old one instead).
 *
 * @example
 * const service = await createKnowledgeService('knowledge');
 * (await service.ask('Who interfered?')).answer.answered // true
 */
export async function createKnowledgeService(dir: string, options: KnowledgeServiceOptions = {}): Promise<KnowledgeService> {
  const clock = options.clock ?? Date.now;
  const open = options.open ?? ((d: string) => openIndexInWorker(d, options.warn === undefined ? {} : { warn: options.warn }));
  const opening = open(dir);
  // The word-class tagger and the word vectors load while the index opens (in a worker by
  // default), and while the heap is small. Vectors that fail to prepare leave search matching
  // words as written.
  preloadWordClasses();
  const warn = options.warn ?? warnOnStderr;
  const vectors = prepareWordVectors().catch((error: unknown) => warn(`word vectors unavailable: ${error instanceof Error ? error.message : String(error)}`));
  const [opened] = await Promise.all([opening, vectors]);
  let current: KnowledgeSnapshot = buildSnapshot(opened, clock());
  let reloading: Promise<ReloadOutcome> | undefined;

  const stats = (): KnowledgeStats => ({
    documents: current.index.knowledge.documents.length,
    passages: current.index.knowledge.passages.length,
    loadedAt: current.loadedAt,
  });

  const doReload = async (): Promise<ReloadOutcome> => {
    let next: KnowledgeSnapshot;
    try {
      next = buildSnapshot(await open(dir), clock());
    } catch (error) {
      if (error instanceof KnowledgeError) return { ok: false, problems: error.message.split('\n'), stats: stats() };
      throw error;
    }
    const diff = diffKnowledge(current.index.knowledge, next.index.knowledge);
    current = next; // the one swap: commands already running keep the snapshot they took
    return { ok: true, diff, stats: stats() };
  };

  return {
    dir,
    stats,
    knowledgeRoot: () => current.index.knowledge.root,
    async ask(question, page = {}) {
      const snapshot = current;
      const offset = Math.max(0, page.offset ?? 0);
      const limit = page.limit ?? DEFAULT_EXCERPTS;
      // One extra result tells whether a next page exists.
      const full = answerQuestion(snapshot.index, question, {
        offset,
        limit: limit + 1,
        ...(page.collections === undefined ? {} : { collections: page.collections }),
      });
      const answer: Answer = { ...full, excerpts: full.excerpts.slice(0, limit) };
      const titles = [...new Set(answer.excerpts.map((e) => e.citation.title))];
      const sources = titles.map((title): SourceNote => {
        const license = snapshot.licenseByTitle.get(title);
        return license === undefined ? { title } : { title, license };
      });
      return { answer, offset, hasMore: full.excerpts.length > limit, sources };
    },
    async suggestPassages(typed, limit, collections) {
      return suggestPassages(current.suggestions, typed, limit, collections);
    },
    async passage(passageId) {
      const snapshot = current;
      const passage = snapshot.passageById.get(passageId);
      const document = passage && snapshot.index.knowledge.documents[passage.documentIndex];
      return passage && document && viewPassage(snapshot.index.knowledge.root, document, passage);
    },
    async context(passageId) {
      const snapshot = current;
      const passage = snapshot.passageById.get(passageId);
      return passage && surroundingContext(snapshot.index.knowledge, passage);
    },
    async suggestSections(typed, limit, collections) {
      const { sections } = current;
      return findSections(restricted(collections) ? sections.filter((s) => inCollections(s.document, collections)) : sections, typed, limit);
    },
    async section(key, collections) {
      const entry = current.sectionByKey.get(key);
      return entry && inCollections(entry.document, collections) ? entry : undefined;
    },
    async documents(collections) {
      const { knowledge } = current.index;
      const summaries = summarizeDocuments(knowledge, { commits: await lastCommitTimes(knowledge.root) });
      return summaries.filter((_, i) => inCollections(knowledge.documents[i]!, collections));
    },
    index: () => current.index,
    reload() {
      reloading ??= doReload().finally(() => {
        reloading = undefined;
      });
      return reloading;
    },
  };
}
