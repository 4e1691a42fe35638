/**
 * Adding an alias from Discord: checked like the file, written atomically, refused with the
 * reason and nothing changed.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { addAlias, restoreAliases } from '../../src/moderation/alias-file.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

const FILES = { 'rules.md': '# Rules\n\nPostal voting is allowed for members abroad.\n', 'aliases.yaml': '# words people use\nDOJ: Justice Department\n' };
const knows = (term: string) => ['postal', 'vote', 'allow', 'member', 'abroad'].includes(term);

describe('addAlias', () => {
  it('given a new word mapped to words the documents use, then it is appended, loads, and can be put back', async () => {
    const root = await writeKnowledge(FILES);
    const outcome = await addAlias(root, { word: 'mail-in', means: 'postal voting' }, knows);
    expect(outcome).toMatchObject({ ok: true, word: 'mail-in', phrases: ['postal voting'] });
    expect(await readFile(join(root, 'aliases.yaml'), 'utf8')).toBe(`${FILES['aliases.yaml']}mail-in: postal voting\n`);
    expect((await loadKnowledge(root)).aliases.get('mail-in')).toEqual(['postal voting']);
    expect((await readdir(root)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (outcome.ok) await restoreAliases(outcome);
    expect(await readFile(join(root, 'aliases.yaml'), 'utf8')).toBe(FILES['aliases.yaml']);
  });

  it.each([
    [{ word: 'doj', means: 'postal' }, '“doj” is already an alias of “Justice Department”.'],
    [{ word: 'ballot', means: 'Zanzibar' }, 'The documents never use “Zanzibar”, so the alias would find nothing.'],
    [{ word: 'ballot\nevil: x', means: 'postal' }, 'Aliases are one line each: no line breaks or control characters.'],
    [{ word: 'ballot', means: ' , ' }, 'Give at least one word or phrase the documents use.'],
    [{ word: 'postal', means: 'postal' }, 'A word cannot be an alias of itself.'],
    [{ word: 'x'.repeat(61), means: 'postal' }, 'The word is longer than 60 characters.'],
  ])('given %j, then it is refused with the reason and the file is unchanged', async (request, reason) => {
    const root = await writeKnowledge(FILES);
    expect(await addAlias(root, request, knows)).toEqual({ ok: false, reason });
    expect(await readFile(join(root, 'aliases.yaml'), 'utf8')).toBe(FILES['aliases.yaml']);
  });

  it('given YAML-looking text, then it is quoted so the file still reads as one entry', async () => {
    const root = await writeKnowledge(FILES);
    const outcome = await addAlias(root, { word: 'a: b #c', means: 'postal, members abroad' }, knows);
    expect(outcome.ok).toBe(true);
    expect((await loadKnowledge(root)).aliases.get('a: b #c')).toEqual(['postal', 'members abroad']);
  });
});
