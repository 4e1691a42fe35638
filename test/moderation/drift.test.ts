/**
 * Addresses and drift: the same paragraph found again (even moved), an edit told apart from a
 * deletion, tags listed and never silently re-pointed, answers to mark, and the note's text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { addressBook, addressOf } from '../../src/moderation/address.js';
import { driftedAnswers, tagDrift } from '../../src/moderation/drift.js';
import { DRIFT_MARK, driftNote, withNote, withoutNote } from '../../src/moderation/drift-note.js';
import type { Tag } from '../../src/store/store.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

const doc = (...paragraphs: string[]) => ({ 'rules.md': `# Rules\n\n## Voice\n\n${paragraphs.join('\n\n')}\n` });
const load = async (...paragraphs: string[]) => loadKnowledge(await writeKnowledge(doc(...paragraphs)));
const tagOn = (knowledge: Awaited<ReturnType<typeof load>>, i: number): Tag => ({
  guildId: 'g', name: `t${i}`, address: addressOf(knowledge, knowledge.passages[i]!), createdByHash: 'h', createdAt: 0,
});

describe('addressBook', () => {
  it('given a paragraph that moved down, then it is the same paragraph', async () => {
    const before = await load('Be kind.', 'No soundboards.');
    const after = await load('New first rule.', 'Be kind.', 'No soundboards.');
    const resolved = addressBook(after, before).resolve(addressOf(before, before.passages[1]!));
    expect(resolved).toMatchObject({ status: 'same', passage: { text: 'No soundboards.', paragraph: 3 } });
  });

  it('given an edited paragraph, then it changed, and what stands in its place is the new text', async () => {
    const before = await load('Be kind.', 'No soundboards.');
    const after = await load('Be kind.', 'No soundboards after midnight.');
    expect(addressBook(after, before).resolve(addressOf(before, before.passages[1]!))).toMatchObject({ status: 'changed', passage: { text: 'No soundboards after midnight.' } });
  });

  it('given a deleted paragraph whose place the next one took, then it vanished (never re-pointed at the neighbour)', async () => {
    const before = await load('Be kind.', 'No soundboards.', 'Mute when away.');
    const after = await load('Be kind.', 'Mute when away.');
    expect(addressBook(after, before).resolve(addressOf(before, before.passages[1]!))).toMatchObject({ status: 'vanished', inItsPlace: { text: 'Mute when away.' } });
  });

  it('given no previous knowledge, then other text in the place is not taken for an edit', async () => {
    const before = await load('Be kind.', 'No soundboards.');
    const after = await load('Be kind.', 'No soundboards after midnight.');
    expect(addressBook(after).resolve(addressOf(before, before.passages[1]!)).status).toBe('vanished');
  });
});

describe('tagDrift and driftedAnswers', () => {
  it('given a reload that edits one tagged paragraph and deletes another, then the first is changed with old and new text and the second vanished', async () => {
    const before = await load('Be kind.', 'No soundboards.', 'Mute when away.');
    const after = await load('Be kind to everyone.', 'Mute when away.');
    const drifts = tagDrift([tagOn(before, 0), tagOn(before, 1), tagOn(before, 2)], after, before);
    expect(drifts.map((d) => [d.tag.name, d.kind, d.oldText, d.kind === 'changed' ? d.newText : undefined])).toEqual([
      ['t0', 'changed', 'Be kind.', 'Be kind to everyone.'],
      ['t1', 'vanished', 'No soundboards.', undefined],
    ]);
  });

  it('given posted answers, then only those citing a changed or vanished paragraph are listed, with each drifted citation', async () => {
    const before = await load('Be kind.', 'No soundboards.');
    const after = await load('Be kind.', 'No soundboards after midnight.');
    const posted = (i: number) => ({ guildId: 'g', channelId: 'c', messageId: `m${i}`, question: 'q', cited: [addressOf(before, before.passages[i]!)], postedAt: 0 });
    const drifts = driftedAnswers([posted(0), posted(1)], addressBook(after, before));
    expect(drifts.map((d) => [d.answer.messageId, d.citations.map((c) => c.kind)])).toEqual([['m1', ['changed']]]);
  });
});

describe('the drift note', () => {
  it('given a changed and a vanished citation, then the note links the current text and names the removed one', async () => {
    const before = await load('Be kind.', 'No soundboards.');
    const after = await load('Be kinder.');
    const drifts = driftedAnswers([{ guildId: 'g', channelId: 'c', messageId: 'm', question: 'q', cited: before.passages.map((p) => addressOf(before, p)), postedAt: 0 }], addressBook(after, before));
    const note = driftNote(drifts[0]!.citations, () => ({ label: 'Rules › Voice ¶1', url: 'https://example.org/rules#Voice' }), (label, url) => (url ? `[${label}](${url})` : label));
    expect(note).toBe(`${DRIFT_MARK}: [Rules › Voice ¶1](https://example.org/rules#Voice) now reads differently; rules.md › Voice ¶2 was removed from the sources.`);
  });

  it('given a long message, then the note is kept whole and the old text gives way, within the limit', () => {
    const joined = withNote('x'.repeat(2000), '⚠ note', 2000);
    expect(joined.length).toBe(2000);
    expect(joined.endsWith('…\n⚠ note')).toBe(true);
    expect(withNote('', '⚠ note', 2000)).toBe('⚠ note');
  });

  it('given a marked message, then taking the note off gives back the text it was added to, and an unmarked one is left alone', () => {
    const note = `${DRIFT_MARK}: rules.md › Voice ¶2 was removed from the sources.`;
    expect(withoutNote(withNote('-# Asked by <@1>', note, 2000))).toBe('-# Asked by <@1>');
    expect(withoutNote(withNote('', note, 2000))).toBe('');
    expect(withoutNote('-# Asked by <@1>')).toBeUndefined();
  });
});
