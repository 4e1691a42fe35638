import { splitSentences } from '../knowledge/sentences.js';
import type { Passage } from '../knowledge/types.js';
import { analysePassage, type AnalysedPassage } from './passage-analysis.js';
import { passageSurface, WordNumbers, type PassageSurface } from './passage-surface.js';

/** How many passages' analyses and sentences are remembered (the most recently used). */
export const PASSAGE_MEMO_SIZE = 4000;

/** A map that forgets its least recently used entries beyond `limit`. */
class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K, make: (key: K) => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const made = make(key);
    this.entries.set(key, made);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
    return made;
  }
}

/**
 * What one index remembers between questions: the analysis and the sentences of recently
 * scored passages (popular passages come back question after question), and the lower-case
 * expansions of acronyms. Bounded, so memory does not grow with the knowledge.
 */
export class PassageMemo {
  private readonly analyses = new RecentlyUsed<Passage, AnalysedPassage>(PASSAGE_MEMO_SIZE);
  private readonly sentenceRanges = new RecentlyUsed<Passage, { start: number; end: number }[]>(PASSAGE_MEMO_SIZE);
  private readonly surfaces = new RecentlyUsed<Passage, PassageSurface>(PASSAGE_MEMO_SIZE);
  /** Numbers for the words of the passages read so far (see {@link surface}). */
  readonly wordNumbers = new WordNumbers();
  private readonly acronymPhrases = new RecentlyUsed<string, readonly (readonly string[])[]>(PASSAGE_MEMO_SIZE);

  /** The passage's fields as index terms. */
  analysed(passage: Passage): AnalysedPassage {
    return this.analyses.get(passage, analysePassage);
  }

  /** The passage's sentences (offsets in its text). */
  sentences(passage: Passage): readonly { start: number; end: number }[] {
    return this.sentenceRanges.get(passage, (p) => splitSentences(p.text));
  }

  /** The passage's surface words, whole and per sentence. */
  surface(passage: Passage): PassageSurface {
    return this.surfaces.get(passage, (p) => passageSurface(p.text, this.sentences(p), this.wordNumbers));
  }

  /** An acronym's expansions, computed once by `find`. */
  acronym(letters: string, find: (letters: string) => readonly (readonly string[])[]): readonly (readonly string[])[] {
    return this.acronymPhrases.get(letters, find);
  }
}
