/**
 * /search suggestions (issue 14 item 11) lead with the section and snippet.
 */
import { describe, expect, it } from 'vitest';
import { CHOICE_NAME_MAX } from '../../src/discord/limits.js';
import { passageChoiceName } from '../../src/discord/render/style.js';

const TITLE = 'Foreign interference in the 2024 United States elections';

describe('passageChoiceName', () => {
  // Regression: every choice started with the same long title and a deep path cut the snippet to nothing.
  it('given a deep section path, then the innermost section and the snippet lead, within the limit', () => {
    const name = passageChoiceName({ title: TITLE, section: 'Analysis › State-sponsored interference › Suspected state-sponsored interference', paragraph: 2, snippet: 'In August 2024, Microsoft reported that Iranian hackers had sent phishing emails' }, false);
    expect(name).toMatch(/^Suspected state-sponsored interference ¶2 — In August 2024, Microsoft/);
    expect(name.length).toBeLessThanOrEqual(CHOICE_NAME_MAX);
    expect(name).not.toContain(TITLE);
  });

  it('given choices from several documents, then a shortened title follows the snippet', () => {
    const name = passageChoiceName({ title: TITLE, section: 'Background', paragraph: 1, snippet: 'Before the election' }, true);
    expect(name).toBe('Background ¶1 — Before the election · Foreign interference in the…');
  });

  it('given a document\'s lead, then its shortened title names it', () => {
    expect(passageChoiceName({ title: TITLE, section: '', paragraph: 1, snippet: 'Several nations interfered' }, false)).toBe('Foreign interference in the… ¶1 — Several nations interfered');
  });
});
