/**
 * The shared Discord-markdown tree (src/discord/render/markdown.ts, the same reading the HTML
 * preview uses) turned into DOM nodes, with mentions and times shown as this channel would.
 */
import type { DomElement } from '../browser.js';
import { formatTimestamp, parseInline, parseMarkdown, type MarkdownNode } from '../../discord/render/markdown.js';
import { document, el, link } from './dom.js';
import { personName, state } from './state.js';

function mentionText(node: Extract<MarkdownNode, { kind: 'mention' }>): string {
  if (node.of === 'user') return `@${personName(node.id) ?? 'unknown-user'}`;
  if (node.of === 'role') return '@role';
  return `#${state.channels.get(node.id)?.name ?? 'unknown'}`;
}

function append(nodes: readonly MarkdownNode[], parent: DomElement): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        parent.appendChild(document.createTextNode(node.text));
        break;
      case 'break':
        parent.appendChild(el('br'));
        break;
      case 'code':
        if (node.block) parent.appendChild(el('pre')).appendChild(el('code', undefined, node.text));
        else parent.appendChild(el('code', 'inline', node.text));
        break;
      case 'link':
        parent.appendChild(link(node.href, (a) => append(node.children, a)));
        break;
      case 'time': {
        const span = parent.appendChild(el('span', 'time', formatTimestamp(node.seconds, node.style)));
        const date = new Date(node.seconds * 1000);
        span.title = Number.isNaN(date.getTime()) ? '' : date.toString();
        break;
      }
      case 'mention':
        parent.appendChild(el('span', 'mention', mentionText(node)));
        break;
      case 'element': {
        const child = parent.appendChild(el(node.tag, node.className));
        if (node.className === 'spoiler') child.addEventListener('click', () => child.classList.add('revealed'));
        append(node.children, child);
        break;
      }
    }
  }
}

/** Appends Discord markdown (blocks and inline) to `parent`, marked as markdown for the styles. */
export function renderMarkdown(src: string, parent: DomElement): DomElement {
  parent.classList.add('md');
  append(parseMarkdown(src), parent);
  return parent;
}

/** Appends inline Discord markdown (titles, field names) to `parent`. */
export function renderInline(src: string, parent: DomElement): DomElement {
  append(parseInline(src), parent);
  return parent;
}
