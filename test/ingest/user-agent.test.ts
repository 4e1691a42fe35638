/**
 * The User-Agent ingestion sends: the operator's contact when one is configured (`INGEST_CONTACT`),
 * no made-up address when not, and the version package.json declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOOTNOTE_VERSION, userAgent } from '../../src/ingest/user-agent.js';
import { REPO_ROOT } from '../helpers/knowledge.js';

describe('the User-Agent', () => {
  it('given a contact, names it after a plus, as polite crawlers do', () => {
    expect(userAgent('https://ops.example.org/footnote')).toBe('Footnote/0.1.0 (+https://ops.example.org/footnote; knowledge ingestion for a Discord bot)');
    expect(userAgent('footnote@example.org')).toBe('Footnote/0.1.0 (+footnote@example.org; knowledge ingestion for a Discord bot)');
  });

  it('given no contact, names no address at all (bug: it named a repository that does not exist)', () => {
    expect(userAgent()).toBe('Footnote/0.1.0 (knowledge ingestion for a Discord bot)');
  });

  it('carries the version package.json declares', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(FOOTNOTE_VERSION).toBe(version);
  });
});
