/**
 * One reading of Discord markdown (issue 9): the playground page and the HTML preview both
 * render from parseMarkdown, so they cannot disagree about what a message says.
 */
import { describe, expect, it } from 'vitest';
import { httpUrl, parseInline, parseMarkdown } from '../../src/discord/render/markdown.js';
import { markdownToHtml } from '../../src/discord/preview-html.js';

describe('parseMarkdown', () => {
  it('given nested emphasis, code and escapes, then it yields the tree Discord would show', () => {
    expect(parseInline('**a _b_** `c*d*` \\*e\\*')).toEqual([
      { kind: 'element', tag: 'strong', children: [{ kind: 'text', text: 'a ' }, { kind: 'element', tag: 'em', children: [{ kind: 'text', text: 'b' }] }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', block: false, text: 'c*d*' },
      { kind: 'text', text: ' *e*' },
    ]);
  });

  it('given links of every kind, then only http(s) targets become links', () => {
    const nodes = parseInline('[ok](https://example.org/a) [bad](javascript:alert(1)) <https://example.com> https://x.org/b.');
    expect(nodes.filter((n) => n.kind === 'link').map((n) => (n.kind === 'link' ? n.href : ''))).toEqual(['https://example.org/a', 'https://example.com/', 'https://x.org/b']);
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
  });

  it('given blocks, then headings, quotes, subtext, lists and fenced code are recognised', () => {
    const kinds = parseMarkdown('# H\n> q\n-# small\n- a\n- b\n```\nx\n```').map((n) => (n.kind === 'element' ? n.tag + (n.className ? `.${n.className}` : '') : n.kind));
    expect(kinds).toEqual(['h1', 'blockquote', 'div.subtext', 'ul', 'code']);
  });

  it('given mentions and timestamps, then they are nodes for the renderer to name', () => {
    expect(parseInline('<@123> <t:0:d>')).toEqual([
      { kind: 'mention', of: 'user', id: '123' },
      { kind: 'text', text: ' ' },
      { kind: 'time', seconds: 0, style: 'd' },
    ]);
  });

  it('given hostile nesting, then it stays cheap and shows the rest as text', () => {
    const deep = `${'**'.repeat(40)}x${'**'.repeat(40)}`;
    const started = performance.now();
    parseMarkdown(deep.repeat(50));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  // Regression (issue 9): the preview's own renderer knew neither italics nor subtext.
  it('given what the bot sends (subtext, italics), then the preview renders it as the playground does', () => {
    expect(markdownToHtml('-# Asked by <@1>\n*it* ~~s~~')).toBe('<div class="subtext">Asked by <span class="mention">@unknown</span></div><em>it</em> <s>s</s>');
  });
});
