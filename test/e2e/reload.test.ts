/**
 * /reload end to end, on a copy of the knowledge in a temp folder.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, copyOfKnowledge, logOf, replyOf, startHarness } from './harness.js';

const TXT = 'foreign-interference-2024-us-elections.txt';
let h: Harness;
let knowledge: Awaited<ReturnType<typeof copyOfKnowledge>>;
beforeAll(async () => {
  knowledge = await copyOfKnowledge();
  h = await startHarness({ knowledgeDir: knowledge.dir, questionLimit: 'off' });
});
afterAll(async () => {
  await h?.close();
  await knowledge?.remove();
});

const reload = (user = h.fake.users.moderator) => replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('reload', {}, { user })));
const ask = (query: string) => replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query })));

describe('/reload', () => {
  it('given a member without Manage Server, when they reload, then they are refused privately', async () => {
    const message = await reload(h.fake.users.member);
    expect(message).toMatchObject({ flags: 64, content: 'Only members with the Manage Server permission can reload the knowledge.' });
  });

  it('given a broken file, when a moderator reloads, then the path:line errors are shown and the old knowledge keeps answering', async () => {
    // given
    await writeFile(join(knowledge.dir, 'bad.md'), '---\nlicense: MIT\ntitle: ""\n---\nText.\n');
    // when
    const message = await reload();
    // then
    expect(message.flags).toBe(64);
    expect(message.embeds[0]?.title).toBe('Knowledge not reloaded');
    expect(message.embeds[0]?.description).toMatch(/still answering from the previous version \(1 document, 11 passages\)/);
    expect(message.embeds[0]?.description).toMatch(/```\n.*knowledge\/bad\.md:3: front matter: title must be a non-empty string\n```/);
    const answer = await ask('What did Russia do?');
    expect(answer.embeds[0]?.fields?.length).toBeGreaterThan(0);
    expect(answer.embeds[0]?.description).toMatch(/^Confidence/);
    await rm(join(knowledge.dir, 'bad.md'));
  });

  it('given an alias-expansion bomb in front matter, when a moderator reloads, then its path:line is shown and the old knowledge keeps answering', async () => {
    // given: nine anchors of nine aliases each (millions of values once expanded)
    const bomb = ['l0: &l0 [a, a, a, a, a, a, a, a, a]', ...[1, 2, 3, 4, 5].map((n) => `l${n}: &l${n} [${Array(9).fill(`*l${n - 1}`).join(', ')}]`)].join('\n');
    await writeFile(join(knowledge.dir, 'bomb.md'), `---\n${bomb}\ntitle: Bomb\n---\nText.\n`);
    // when
    const message = await reload();
    // then
    expect(message.embeds[0]?.title).toBe('Knowledge not reloaded');
    expect(message.embeds[0]?.description).toMatch(/still answering from the previous version \(1 document, 11 passages\)/);
    expect(message.embeds[0]?.description).toMatch(/```\n.*knowledge\/bomb\.md:2: front matter: YAML that cannot be read: more than 100 alias expansions \(an alias-expansion bomb\?\)\n```/);
    expect((await ask('What did Russia do?')).embeds[0]?.fields?.length).toBeGreaterThan(0);
    await rm(join(knowledge.dir, 'bomb.md'));
  });

  it('given an added document and an edited paragraph, when a moderator reloads, then it reports what was added and changed, and answers from it', async () => {
    // given
    await writeFile(join(knowledge.dir, 'bees.md'), '---\ntitle: Bees\nlicense: CC0\n---\n# Bees\n\nHoneybees dance to tell the hive where flowers are.\n\n## Hives\n\nA hive holds one queen.\n');
    const text = await readFile(join(knowledge.dir, TXT), 'utf8');
    await writeFile(join(knowledge.dir, TXT), text.replace('Several nations interfered', 'Several foreign nations interfered'));
    // when
    const message = await reload();
    // then
    expect(message.embeds[0]?.title).toBe('Knowledge reloaded');
    expect(message.embeds[0]?.description).toBe(
      [
        'Now answering from 2 documents, 13 passages.',
        'Passages: 2 added, 1 changed, 0 removed.',
        'Documents added (1): Bees',
        'Documents changed (1): Foreign interference in the 2024 United States elections',
      ].join('\n'),
    );
    const answer = await ask('Why do honeybees dance?');
    expect(answer.embeds[0]?.fields?.[0]?.value).toMatch(/^\*\*Honeybees dance\*\*/);
    expect(answer.embeds[0]?.footer?.text).toBe('Source: Bees (CC0) · quoted verbatim');
  });

  it('given a removed document, when a moderator reloads, then it reports the removal', async () => {
    await rm(join(knowledge.dir, 'bees.md'));
    const sent = h.fake.sendInteraction(h.fake.slashCommand('reload', {}, { user: h.fake.users.moderator }));
    const message = await replyOf(h.fake, sent);
    expect(message.embeds[0]?.description).toBe('Now answering from 1 document, 11 passages.\nPassages: 0 added, 0 changed, 2 removed.\nDocuments removed (1): Bees');
    expect(await logOf(h, sent)).toMatchObject({ command: 'reload', outcome: 'ok' });
    expect(h.logs.filter((l) => l.event === 'reload').map((l) => l.ok)).toEqual([false, false, true, true]);
  });
});
