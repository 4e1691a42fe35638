/**
 * The knowledge folder's public surface: load it, fingerprint it, and the pieces other layers reuse.
 */
export { loadKnowledge, type LoadKnowledgeOptions } from './load.js';
export { fingerprintKnowledge } from './fingerprint.js';
export { KnowledgeError, formatProblem, type KnowledgeProblem } from './errors.js';
export { splitSentences, type TextRange } from './sentences.js';
export { chunkDocument, MAX_PASSAGE_CHARS, TARGET_PASSAGE_CHARS, SECTION_SEPARATOR } from './chunk.js';
export type { Block, KnowledgeBase, Passage, SourceDocument } from './types.js';
