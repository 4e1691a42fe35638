import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { fingerprintKnowledge, loadKnowledge } from '../../src/knowledge/load.js';
import { problemLines, removeCorpora, writeCorpus } from './corpus.js';

afterAll(removeCorpora);

describe('loadKnowledge', () => {
  it('loads Markdown and text files recursively, in sorted path order, with sidecars and aliases', async () => {
    // given
    const root = await writeCorpus({
      'b.md': '---\ntitle: Bee\nsource: https://example.org/bee\nlicense: CC0\n---\n# Bee\n\nBuzz.\n',
      'a/notes.txt': '= Notes =\n\nFirst.\n\n==Part==\nSecond.\n',
      'a/notes.meta.yaml': 'title: Field notes\nurl: https://example.org/notes\n',
      'c-plain.markdown': 'Just text.\n',
      '.hidden.md': '# Hidden\n\nNo.\n',
      '.git/x.md': '# Git\n\nNo.\n',
      'node_modules/y.md': '# Dep\n\nNo.\n',
      'readme.rst': 'Not knowledge.\n',
      'aliases.yaml': '# comment\nKremlin: Russia\nDOJ: [Justice Department, Department of Justice]\n',
    });
    // when
    const knowledge = await loadKnowledge(root);
    // then
    expect(knowledge.root).toBe(root);
    expect(knowledge.documents.map(({ path, title, url, license }) => ({ path, title, url, license }))).toEqual([
      { path: 'a/notes.txt', title: 'Field notes', url: 'https://example.org/notes', license: undefined },
      { path: 'b.md', title: 'Bee', url: 'https://example.org/bee', license: 'CC0' },
      { path: 'c-plain.markdown', title: 'c plain', url: undefined, license: undefined },
    ]);
    expect(knowledge.documents[0]?.absolutePath).toBe(join(root, 'a/notes.txt'));
    expect(knowledge.passages.map(({ documentIndex, section, paragraph, text }) => [documentIndex, section, paragraph, text])).toEqual([
      [0, '', 1, 'First.'],
      [0, 'Part', 1, 'Second.'],
      [1, '', 1, 'Buzz.'],
      [2, '', 1, 'Just text.'],
    ]);
    expect([...knowledge.aliases]).toEqual([
      ['kremlin', ['Russia']],
      ['doj', ['Justice Department', 'Department of Justice']],
    ]);
  });

  it('puts each file in the collection of its top-level folder; top-level files belong to none (so to all)', async () => {
    // given
    const root = await writeCorpus({
      'game-rules/combat/melee.md': '# Melee\n\nSwords.\n',
      'modding/api.md': '# API\n\nHooks.\n',
      'welcome.md': '# Welcome\n\nHi.\n',
    });
    // when
    const knowledge = await loadKnowledge(root);
    // then
    expect(knowledge.documents.map((d) => [d.path, d.collection])).toEqual([
      ['game-rules/combat/melee.md', 'game-rules'],
      ['modding/api.md', 'modding'],
      ['welcome.md', undefined],
    ]);
  });

  it('returns an empty knowledge base for an empty folder', async () => {
    const root = await writeCorpus({});
    expect(await loadKnowledge(root)).toEqual({ root, documents: [], passages: [], aliases: new Map() });
  });

  it('reports a missing folder', async () => {
    const corpus = await writeCorpus({});
    expect(await problemLines(loadKnowledge(join(corpus, 'missing')), corpus)).toEqual([
      'knowledge/missing: knowledge folder not found',
    ]);
  });

  it.each([
    ['bad front matter value', { 'bad.md': '---\nlicense: MIT\ntitle: ""\n---\nText.\n' }, ['knowledge/bad.md:3: front matter: title must be a non-empty string']],
    ['bad link', { 'bad.md': '---\nsource: not a url\n---\nText.\n' }, ['knowledge/bad.md:2: front matter: source must be an http(s) URL']],
    ['YAML syntax', { 'bad.md': '---\ntitle: A\nlicense: [MIT\n---\nText.\n' }, ['knowledge/bad.md:4: front matter: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']],
    ['unclosed front matter', { 'bad.md': '---\ntitle: A\n\nText.\n' }, ['knowledge/bad.md:1: front matter: no closing --- line']],
    ['empty document', { 'bad.md': '# Only a title\n\n## See also\n- elsewhere\n' }, ['knowledge/bad.md:1: empty document: no paragraphs outside headings and navigation sections']],
    ['empty file', { 'bad.txt': '' }, ['knowledge/bad.txt:1: empty document: no paragraphs outside headings and navigation sections']],
    ['heading with no text', { 'bad.md': '# T\n\nText.\n\n##\nMore.\n' }, ['knowledge/bad.md:5: heading with no text']],
    ['invalid UTF-8', { 'bad.txt': new Uint8Array([0x4f, 0x6b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]) }, ['knowledge/bad.txt:2: invalid UTF-8: byte 0xe9 at offset 6']],
    ['duplicate title', { 'a.md': '# X\n\nOne.\n', 'b.md': '# X\n\nTwo.\n' }, ['knowledge/b.md:1: duplicate title "X" (also in knowledge/a.md)']],
    ['bad sidecar', { 'a.txt': 'Text.\n', 'a.meta.yaml': 'license: MIT\ntitle: 42\n' }, ['knowledge/a.meta.yaml:2: metadata: title must be a non-empty string']],
    ['orphan sidecar', { 'a.txt': 'Text.\n', 'b.meta.yaml': 'title: B\n' }, ['knowledge/b.meta.yaml: metadata file with no knowledge file beside it (expected .md, .markdown, .txt with the same name)']],
    ['bad alias', { 'a.md': 'Text.\n', 'aliases.yaml': 'Kremlin: Russia\nFBI:\nDOJ: []\n' }, ['knowledge/aliases.yaml:2: aliases: "FBI" must map to a phrase or a list of phrases', 'knowledge/aliases.yaml:3: aliases: "DOJ" must map to a phrase or a list of phrases']],
  ])('reports %s as path:line: message', async (_case, files, expected) => {
    const root = await writeCorpus(files);
    expect(await problemLines(loadKnowledge(root), root)).toEqual(expected);
  });

  it('collects every problem of every file into one error, and loads nothing', async () => {
    // given: one good file and two bad ones
    const root = await writeCorpus({
      'good.md': '# Good\n\nFine.\n',
      'one.md': '---\ntitle: ""\n---\n\n##\nText.\n',
      'two.md': '# Good\n\nSame title.\n',
    });
    // when
    const lines = await problemLines(loadKnowledge(root), root);
    // then
    expect(lines).toEqual([
      'knowledge/one.md:2: front matter: title must be a non-empty string',
      'knowledge/one.md:5: heading with no text',
      'knowledge/two.md:1: duplicate title "Good" (also in knowledge/good.md)',
    ]);
  });

  it('names the title line of front matter in a duplicate-title report, ignoring case and spacing', async () => {
    const root = await writeCorpus({ 'a.md': '# Summary\n\nOne.\n', 'b.md': '---\nlicense: x\ntitle: "summary "\n---\nTwo.\n' });
    expect(await problemLines(loadKnowledge(root), root)).toEqual(['knowledge/b.md:3: duplicate title "summary" (also in knowledge/a.md)']);
  });

  it('allows a shared title when each document declares its own doc_id (SciFact has three "Summary")', async () => {
    const root = await writeCorpus({
      '1.md': '---\ntitle: "Summary"\ndoc_id: 1\n---\n# Summary\n\nOne.\n',
      '2.md': '---\ntitle: "Summary"\ndoc_id: 2\n---\n# Summary\n\nTwo.\n',
    });
    expect((await loadKnowledge(root)).documents.map((document) => document.title)).toEqual(['Summary', 'Summary']);
  });

  it('gives the same ids on every load, and a new id only to the edited paragraph', async () => {
    // given
    const root = await writeCorpus({ 'a.md': '# A\n\n## S\nOne.\n\nTwo.\n\nThree.\n' });
    const first = (await loadKnowledge(root)).passages.map((passage) => passage.id);
    const second = (await loadKnowledge(root)).passages.map((passage) => passage.id);
    // when
    await writeFile(join(root, 'a.md'), '# A\n\n## S\nOne.\n\nTwo, edited.\n\nThree.\n');
    const edited = (await loadKnowledge(root)).passages.map((passage) => passage.id);
    // then
    expect(second).toEqual(first);
    expect([edited[0], edited[2]]).toEqual([first[0], first[2]]);
    expect(edited[1]).not.toBe(first[1]);
  });

  it('stops when aborted', async () => {
    const root = await writeCorpus({ 'a.md': 'Text.\n' });
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    await expect(loadKnowledge(root, { signal: controller.signal })).rejects.toThrow('shutting down');
  });

  it('throws a KnowledgeError whose problems are structured', async () => {
    const root = await writeCorpus({ 'a.md': '#\n\nText.\n' });
    const error: unknown = await loadKnowledge(root).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).problems).toEqual([{ path: join(root, 'a.md'), line: 1, message: 'heading with no text' }]);
  });
});

describe('fingerprintKnowledge', () => {
  it('changes when a file changes, and only then', async () => {
    // given
    const root = await writeCorpus({ 'a.md': 'Text.\n', 'a.meta.yaml': 'title: A\n' });
    const before = await fingerprintKnowledge(root);
    // when
    const unchanged = await fingerprintKnowledge(root);
    await utimes(join(root, 'a.meta.yaml'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const touched = await fingerprintKnowledge(root);
    // then
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(unchanged).toBe(before);
    expect(touched).not.toBe(before);
  });
});
