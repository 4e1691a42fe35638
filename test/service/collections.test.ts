import { afterAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/retrieval/open-index.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { removeKnowledge, writeKnowledge } from '../discord/temp-knowledge.js';

afterAll(removeKnowledge);

const open = (dir: string) => openIndex(dir, { cacheDir: false });
const doc = (title: string, text: string): string => `# ${title}\n\n## Bans\n\n${text}\n`;

describe('knowledge service restricted to collections', () => {
  it('given two collections and a top-level file, when restricted to one, then suggestions, sections, lookups and documents see only it and the top level', async () => {
    // given
    const service = await createKnowledgeService(
      await writeKnowledge({
        'game-rules/rules.md': doc('House rules', 'A ban can be appealed once.'),
        'modding/mods.md': doc('Modding guide', 'A banned mod can be appealed.'),
        'welcome.md': doc('Welcome', 'Bans are rare here.'),
      }),
      { open },
    );
    const only = ['modding'];
    // when
    const passages = await service.suggestPassages('ban', 25, only);
    const sections = await service.suggestSections('bans', 25, only);
    const rulesKey = (await service.suggestSections('house rules', 1))[0]!.key;
    const documents = await service.documents(only);
    // then
    expect(new Set(passages.map((p) => p.title))).toEqual(new Set(['Modding guide', 'Welcome']));
    expect(new Set(sections.map((s) => s.document.title))).toEqual(new Set(['Modding guide', 'Welcome']));
    expect(await service.section(rulesKey, only)).toBeUndefined();
    expect(await service.section(rulesKey)).toBeDefined();
    expect(documents.map((d) => d.title).sort()).toEqual(['Modding guide', 'Welcome']);
    expect((await service.documents([])).length).toBe(3);
  });
});
