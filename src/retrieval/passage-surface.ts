import { scanWords, toTerm } from './terms.js';

/**
 * Numbers for the words of one index's passages, so that a passage's words are kept as a
 * compact array of numbers and compared without building strings or sets per question.
 */
export class WordNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly words: string[] = [];

  /** The word's number, given a new one if the word was never seen. */
  number(word: string): number {
    let found = this.numbers.get(word);
    if (found === undefined) {
      found = this.numbers.size;
      this.numbers.set(word, found);
      this.words.push(word);
    }
    return found;
  }

  /** The word of a number, or undefined for a number never given. */
  wordOf(number: number): string | undefined {
    return this.words[number];
  }

  /** The word's number, or -1 for a word no passage read so far uses. */
  find(word: string): number {
    return this.numbers.get(word) ?? -1;
  }
}

/** A passage's words as written (lower-cased, stop words kept), numbered, with its sentences. */
export interface PassageSurface {
  /** Every word's number (see {@link WordNumbers}), in order. */
  readonly words: Uint32Array;
  /** Where each sentence starts in `words`; sentence s spans `[sentenceStarts[s], sentenceStarts[s + 1])`. */
  readonly sentenceStarts: Uint16Array;
  /** For each index term of the passage text (in `analyze` order), the sentence it is in. */
  readonly termSentence: Uint16Array;
}

/**
 * Reads a passage's surface, given its sentence ranges (offsets in `text`, in order).
 *
 * @example passageSurface('It rained. Then it stopped.', [{ start: 0, end: 10 }, { start: 11, end: 27 }], numbers).sentenceStarts // [0, 2]
 */
export function passageSurface(text: string, sentences: readonly { start: number; end: number }[], numbers: WordNumbers): PassageSurface {
  const words: number[] = [];
  const termSentence: number[] = [];
  const sentenceStarts: number[] = [0];
  let sentence = 0;
  scanWords(text, (start, end) => {
    while (sentence < sentences.length - 1 && start >= sentences[sentence]!.end) {
      sentence++;
      sentenceStarts.push(words.length);
    }
    const word = text.slice(start, end);
    words.push(numbers.number(word.toLowerCase()));
    if (toTerm(word) !== null) termSentence.push(sentence);
  });
  return { words: Uint32Array.from(words), sentenceStarts: Uint16Array.from(sentenceStarts), termSentence: Uint16Array.from(termSentence) };
}

/** Where sentence `s` of a surface ends in its `words`. */
export const sentenceEnd = (surface: PassageSurface, s: number): number => surface.sentenceStarts[s + 1] ?? surface.words.length;
