import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { openIndex } from '../../src/retrieval/open-index.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { BEES, removeKnowledge, writeKnowledge } from './temp-knowledge.js';

afterAll(removeKnowledge);

const open = (dir: string) => openIndex(dir, { cacheDir: false });

describe('knowledge service', () => {
  it('given a small folder, when asked, then it answers with a page, the cited sources and whether more follow', async () => {
    // given
    const service = await createKnowledgeService(await writeKnowledge({ 'bees.md': BEES }), { open });
    // when
    const page = await service.ask('Why do honeybees dance?', { limit: 1 });
    // then
    expect(page.answer.answered).toBe(true);
    expect(page.answer.excerpts[0]?.text).toBe('**Honeybees dance** to show where flowers are.');
    expect(page.sources).toEqual([{ title: 'Bees', license: 'CC0' }]);
    expect(page.offset).toBe(0);
    expect(service.stats()).toMatchObject({ documents: 1, passages: 4 });
  });

  it('given a passage id, when its context is asked for, then the neighbouring paragraphs come with it, the cited one marked', async () => {
    const service = await createKnowledgeService(await writeKnowledge({ 'bees.md': BEES }), { open });
    const [hive] = await service.suggestPassages('queen hive', 1);
    const context = await service.context(hive!.passageId);
    expect(context?.paragraphs.map((p) => [p.section, p.paragraph, p.cited])).toEqual([
      ['', 1, false],
      ['Hives', 1, true],
      ['Hives', 2, false],
    ]);
    expect(context?.citation.url).toMatch(/^https:\/\/example\.org\/bees#:~:text=A%20hive%20holds%20one%20queen$/);
  });

  it('given typed words, when sections are suggested, then documents and sections match by word starts', async () => {
    const service = await createKnowledgeService(await writeKnowledge({ 'bees.md': BEES }), { open });
    expect((await service.suggestSections('', 25)).map((e) => e.label)).toEqual(['Bees', 'Bees › Hives', 'Bees › Swarms']);
    expect((await service.suggestSections('swa', 25)).map((e) => e.label)).toEqual(['Bees › Swarms']);
    const hives = (await service.suggestSections('bees hiv', 1))[0]!;
    expect((await service.section(hives.key))?.passages.map((p) => p.text)).toEqual(['A hive holds one queen.', 'Workers build the comb from wax.']);
  });

  it('given an invalid folder at start, when the service is created, then it throws the path:line problems', async () => {
    const dir = await writeKnowledge({ 'bad.md': '---\ntitle: ""\n---\nText.\n' });
    await expect(createKnowledgeService(dir, { open })).rejects.toBeInstanceOf(KnowledgeError);
  });

  it('given a bad file added, when reloaded, then the problems are reported and the previous knowledge still answers', async () => {
    // given
    const dir = await writeKnowledge({ 'bees.md': BEES });
    const service = await createKnowledgeService(dir, { open });
    await writeFile(join(dir, 'bad.md'), '---\ntitle: ""\n---\nText.\n');
    // when
    const outcome = await service.reload();
    // then
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems[0]).toMatch(/knowledge\/bad\.md:2: front matter: title must be a non-empty string$/);
    expect((await service.ask('Why do honeybees dance?')).answer.answered).toBe(true);
  });

  it('given an edited, an added and a removed paragraph and a new document, when reloaded, then the diff counts them by passage id', async () => {
    // given
    const dir = await writeKnowledge({ 'bees.md': BEES });
    let now = 1000;
    const service = await createKnowledgeService(dir, { open, clock: () => now });
    await writeFile(
      join(dir, 'bees.md'),
      BEES.replace('Workers build the comb from wax.', 'Workers build the comb from beeswax.').replace('\n## Swarms\n\nA swarm leaves with the old queen.\n', '\nDrones do not sting.\n'),
    );
    await writeFile(join(dir, 'ants.md'), '# Ants\n\nAnts farm aphids.\n');
    now = 2000;
    // when
    const outcome = await service.reload();
    // then
    expect(outcome).toEqual({
      ok: true,
      diff: { documents: { added: ['Ants'], changed: ['Bees'], removed: [] }, passages: { added: 2, changed: 1, removed: 1 } },
      stats: { documents: 2, passages: 5, loadedAt: 2000 },
    });
  });

  it('given two reloads at once, when they run, then the folder is loaded once and both get the same outcome', async () => {
    const dir = await writeKnowledge({ 'bees.md': BEES });
    let loads = 0;
    const service = await createKnowledgeService(dir, { open: (d) => (loads++, open(d)) });
    const [a, b] = await Promise.all([service.reload(), service.reload()]);
    expect(loads).toBe(2);
    expect(a).toBe(b);
  });

  it('given the folder emptied, when reloaded, then the removal is reported and questions abstain', async () => {
    const dir = await writeKnowledge({ 'bees.md': BEES });
    const service = await createKnowledgeService(dir, { open });
    await rm(join(dir, 'bees.md'));
    const outcome = await service.reload();
    expect(outcome.ok && outcome.diff).toEqual({ documents: { added: [], changed: [], removed: ['Bees'] }, passages: { added: 0, changed: 0, removed: 4 } });
    const page = await service.ask('Why do honeybees dance?');
    expect(page.answer).toMatchObject({ answered: false, excerpts: [] });
    expect(await service.documents()).toEqual([]);
  });
});
