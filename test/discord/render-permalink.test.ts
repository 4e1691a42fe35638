import { afterAll, describe, expect, it } from 'vitest';
import { renderPassage } from '../../src/discord/render/passage.js';
import { renderSection } from '../../src/discord/render/section.js';
import { openIndex } from '../../src/retrieval/open-index.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

const PINNED = [
  '---',
  'title: "Fixture elections"',
  'source: "https://wiki.example.org/wiki/Fixture_elections"',
  'fetched_at: "2026-12-01T10:00:00Z"',
  'revision: "1001"',
  'permalink: "https://wiki.example.org/w/index.php?title=Fixture_elections&oldid=1001"',
  '---',
  '# Fixture elections',
  '',
  'The fog ministry spread rumours about the ballots.',
  '',
].join('\n');

describe('an ingested document in Discord', () => {
  it('shows its permanent link (or the fetch date) in the passage footer and on /source, never the file path', async () => {
    const root = await writeKnowledge({ 'fixture.md': PINNED, 'page.md': '---\ntitle: "Web page"\nsource: "https://d.example/a"\nfetched_at: "2026-11-30T08:00:00Z"\n---\n# Web page\n\nA page fetched from the web.\n' });
    const service = await createKnowledgeService(root, { open: (dir) => openIndex(dir, { cacheDir: false }) });

    const [entry] = await service.suggestSections('Fixture elections', 1);
    const section = renderSection(entry ?? (undefined as never), service.knowledgeRoot()).embeds?.[0];
    expect(section?.description).toContain('[Read the source](https://wiki.example.org/wiki/Fixture_elections) · [Permanent link](https://wiki.example.org/w/index.php?title=Fixture_elections&oldid=1001)');

    const fixture = (await service.ask('fog ministry rumours')).answer.excerpts[0];
    const view = await service.passage(fixture?.passageId ?? '');
    expect(renderPassage(view ?? (undefined as never)).embeds?.[0]?.footer?.text).toBe(
      'Fixture elections · licence not stated · https://wiki.example.org/wiki/Fixture_elections · permalink https://wiki.example.org/w/index.php?title=Fixture_elections&oldid=1001',
    );

    const web = (await service.ask('page fetched from the web')).answer.excerpts[0];
    const webView = await service.passage(web?.passageId ?? '');
    expect(renderPassage(webView ?? (undefined as never)).embeds?.[0]?.footer?.text).toBe('Web page · licence not stated · https://d.example/a · fetched 2026-11-30');
  });
});
