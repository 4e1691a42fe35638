import { describe, expect, it } from 'vitest';
import { markdownToHtml, renderPreviewHtml } from '../../src/discord/preview-html.js';
import { renderAnswer } from '../../src/discord/render/answer.js';
import { toDiscordPayload } from '../../src/discord/respond.js';
import { ASKER, excerptOf, pageOf } from './fixtures.js';

describe('HTML preview', () => {
  it('given Discord markdown, when converted, then bold, links and escapes render and raw HTML is escaped', () => {
    expect(markdownToHtml('**a** [b](https://x.org/?q=1&r=2) \\*c\\* <script>alert(1)</script>')).toBe(
      '<strong>a</strong> <a href="https://x.org/?q=1&amp;r=2">b</a> *c* &lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('given an answer with hostile text, when previewed, then the page shows the embed parts and no markup from the text', () => {
    // given
    const page = pageOf('<img src=x onerror=alert(1)> **q**', [excerptOf('Bees <b>sleep</b> "never".', { highlight: 'sleep', url: 'https://example.org/bees' })]);
    // when
    const html = renderPreviewHtml(toDiscordPayload(renderAnswer(page, { askerId: ASKER, hidden: true })), { title: '<q>', note: 'Only you can see this' });
    // then
    expect(html).not.toMatch(/<img|<b>|<q>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; **q**');
    expect(html).toContain('<strong>sleep</strong>');
    expect(html).toContain('<a href="https://example.org/bees">Bees › Hives ¶2</a>');
    expect(html).toContain('<div class="footer">Source: Bees (CC0) · quoted verbatim</div>');
    expect(html).toContain('>Post publicly</button>');
    expect(html).toContain('border-left:4px solid var(--c)');
  });
});
