/**
 * Adding an alias from Discord: the entry is checked like the file is (the loader's own parser)
 * plus what only makes sense for a new entry (the word is new, the documents use the words it
 * maps to), then `aliases.yaml` is replaced atomically. A refused entry changes nothing.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseAliases } from '../knowledge/aliases.js';
import { ALIASES_FILE } from '../knowledge/find-files.js';
import { tokenize } from '../retrieval/terms.js';

/** Longest word accepted as an alias key. */
export const ALIAS_WORD_MAX = 60;
/** Longest phrase it may map to. */
export const ALIAS_PHRASE_MAX = 100;
/** Phrases per new alias. */
export const ALIAS_PHRASES_MAX = 5;

/** An alias as typed in the modal. */
export interface AliasRequest {
  readonly word: string;
  /** Comma-separated words the documents use. */
  readonly means: string;
}

/** The entry was written, or why not. */
export type AliasOutcome =
  | { readonly ok: true; readonly word: string; readonly phrases: readonly string[]; readonly previousText: string | undefined; readonly path: string }
  | { readonly ok: false; readonly reason: string };

// Control characters (newlines included) would let an entry spill into other YAML lines.
const CONTROL = /\p{Cc}/u;

/** Writes a file atomically: a temporary file beside it, then a rename. */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Checks an alias and appends it to the knowledge folder's `aliases.yaml`.
 *
 * @example await addAlias('knowledge', { word: 'mail-in', means: 'postal voting' }, (t) => df.has(t))
 */
export async function addAlias(root: string, request: AliasRequest, knows: (term: string) => boolean): Promise<AliasOutcome> {
  const word = request.word.trim();
  const phrases = [...new Set(request.means.split(',').map((p) => p.trim()).filter((p) => p !== ''))];
  if (word === '') return { ok: false, reason: 'The word is empty.' };
  if (word.length > ALIAS_WORD_MAX) return { ok: false, reason: `The word is longer than ${ALIAS_WORD_MAX} characters.` };
  if (CONTROL.test(word) || phrases.some((p) => CONTROL.test(p))) return { ok: false, reason: 'Aliases are one line each: no line breaks or control characters.' };
  if (phrases.length === 0) return { ok: false, reason: 'Give at least one word or phrase the documents use.' };
  if (phrases.length > ALIAS_PHRASES_MAX) return { ok: false, reason: `At most ${ALIAS_PHRASES_MAX} phrases per alias.` };
  const long = phrases.find((p) => p.length > ALIAS_PHRASE_MAX);
  if (long !== undefined) return { ok: false, reason: `A phrase is longer than ${ALIAS_PHRASE_MAX} characters.` };
  if (phrases.some((p) => p.toLowerCase() === word.toLowerCase())) return { ok: false, reason: 'A word cannot be an alias of itself.' };

  const path = join(root, ALIASES_FILE);
  const previousText = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const existing = parseAliases(previousText ?? '');
  if (existing.problems.length > 0) {
    return { ok: false, reason: `${ALIASES_FILE} already has problems; fix them first: ${existing.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}` };
  }
  const known = existing.aliases.get(word.toLowerCase());
  if (known !== undefined) return { ok: false, reason: `“${word}” is already an alias of ${known.map((k) => `“${k}”`).join(', ')}.` };
  for (const phrase of phrases) {
    const terms = tokenize(phrase).flatMap((t) => (t.term === null ? [] : [t.term]));
    if (terms.length === 0) return { ok: false, reason: `“${phrase}” has no words to search for.` };
    const unknown = tokenize(phrase).find((t) => t.term !== null && !knows(t.term));
    if (unknown !== undefined) return { ok: false, reason: `The documents never use “${unknown.word}”, so the alias would find nothing.` };
  }

  const entry = stringify({ [word]: phrases.length === 1 ? phrases[0] : phrases });
  const base = previousText === undefined || previousText === '' ? '' : previousText.endsWith('\n') ? previousText : `${previousText}\n`;
  const text = base + entry;
  // The same parser the loader uses: what it refuses here, it would refuse at load.
  const checked = parseAliases(text);
  if (checked.problems.length > 0) return { ok: false, reason: checked.problems.map((p) => p.message).join('; ') };
  const written = checked.aliases.get(word.toLowerCase());
  if (written === undefined || phrases.some((p) => !written.includes(p))) return { ok: false, reason: 'The entry did not read back as written.' };
  await writeFileAtomically(path, text);
  return { ok: true, word, phrases, previousText, path };
}

/** Puts the aliases file back as it was before {@link addAlias} (removing it when there was none). */
export async function restoreAliases(outcome: Extract<AliasOutcome, { ok: true }>): Promise<void> {
  if (outcome.previousText === undefined) await rm(outcome.path, { force: true });
  else await writeFileAtomically(outcome.path, outcome.previousText);
}
