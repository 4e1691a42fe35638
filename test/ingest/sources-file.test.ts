import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { parseSources, scheduleMs } from '../../src/ingest/sources-file.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

describe('sources.yaml', () => {
  it('reads sources, guessing each kind', () => {
    const { sources, problems } = parseSources('sources:\n  - source: https://d.example/sitemap.xml\n    collection: docs\n    schedule: 6h\n  - source: file:///srv/h.git\n    path: docs/\n');
    expect(problems).toEqual([]);
    expect(sources).toEqual([
      { source: 'https://d.example/sitemap.xml', kind: 'sitemap', collection: 'docs', schedule: '6h' },
      { source: 'file:///srv/h.git', kind: 'git', path: 'docs/' },
    ]);
  });

  it('reports each problem at the line of the entry or key at fault', () => {
    const text = 'sources:\n  - source: https://d.example/\n    schedule: 1m\n  - collection: docs\n  - source: ftp://x\n    colour: red\n';
    expect(parseSources(text).problems).toEqual([
      { line: 3, message: 'sources: schedule must look like 30m, 6h or 1d, and be at least 5m' },
      { line: 4, message: 'sources: source is required' },
      { line: 5, message: 'sources: source must be an http(s) URL, a file:// URL or a git remote' },
      { line: 5, message: expect.stringContaining('colour') },
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(parseSources('sources:\n  - source: [unclosed\n').problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('parses schedules', () => {
    expect(scheduleMs('30m')).toBe(1_800_000);
    expect(scheduleMs('1d')).toBe(86_400_000);
    expect(scheduleMs('soon')).toBeUndefined();
  });

  it('is not a knowledge document for the loader', async () => {
    const root = await writeKnowledge({ 'a.md': '# A\n\nText.\n', 'sources.yaml': 'sources:\n  - source: https://d.example/\n' });
    const knowledge = await loadKnowledge(root);
    expect(knowledge.documents.map((d) => d.path)).toEqual(['a.md']);
  });
});
