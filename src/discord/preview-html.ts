/**
 * A self-contained HTML picture of a message as Discord would show it (dark theme: colour bar,
 * title, description with bold and links, fields, footer, buttons), for the README and for
 * eyeballing changes without a Discord server. Every text is HTML-escaped.
 */
import { ButtonStyle } from 'discord.js';
import { formatTimestamp, parseMarkdown, type MarkdownNode } from './render/markdown.js';
import type { DiscordPayload } from './respond.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** How mentions read in a preview (there is no server to look names up in). */
const MENTION_PREFIX = { user: '@', role: '@', channel: '#' } as const;

function nodesToHtml(nodes: readonly MarkdownNode[]): string {
  return nodes
    .map((node): string => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.text);
        case 'break':
          return '<br>';
        case 'code':
          return node.block ? `<pre>${escapeHtml(node.text)}</pre>` : `<code>${escapeHtml(node.text)}</code>`;
        case 'link':
          return `<a href="${escapeHtml(node.href)}">${nodesToHtml(node.children)}</a>`;
        case 'time':
          return `<span class="time">${escapeHtml(formatTimestamp(node.seconds, node.style))}</span>`;
        case 'mention':
          return `<span class="mention">${MENTION_PREFIX[node.of]}${node.of === 'role' ? 'role' : 'unknown'}</span>`;
        case 'element': {
          const cls = node.className === undefined ? '' : ` class="${escapeHtml(node.className)}"`;
          return `<${node.tag}${cls}>${nodesToHtml(node.children)}</${node.tag}>`;
        }
      }
    })
    .join('');
}

/**
 * Turns Discord markdown into HTML with the same reading of it as the playground page
 * ({@link parseMarkdown}); every text is escaped and only http(s) links are made.
 *
 * @example markdownToHtml('**a** [b](https://x.org)') // '<strong>a</strong> <a href="https://x.org/">b</a>'
 */
export function markdownToHtml(markdown: string): string {
  return nodesToHtml(parseMarkdown(markdown));
}

const BUTTON_CLASS: Partial<Record<ButtonStyle, string>> = {
  [ButtonStyle.Primary]: 'primary',
  [ButtonStyle.Secondary]: 'secondary',
  [ButtonStyle.Success]: 'success',
  [ButtonStyle.Danger]: 'danger',
};

const STYLE = `
body{margin:0;padding:24px;background:#313338;color:#dbdee1;font:16px/1.375 "gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,sans-serif}
.msg{display:flex;gap:16px;max-width:720px}.avatar{width:40px;height:40px;border-radius:50%;background:#5865f2;flex:none;display:flex;align-items:center;justify-content:center;color:#fff;font-weight:700}
.name{color:#f2f3f5;font-weight:600}.tag{background:#5865f2;color:#fff;font-size:10px;border-radius:3px;padding:1px 4px;margin-left:4px;vertical-align:middle}
.note{color:#949ba4;font-size:12px;margin-left:6px}.content{margin:2px 0 4px}
.embed{background:#2b2d31;border-left:4px solid var(--c);border-radius:4px;padding:8px 16px 16px 12px;margin-top:4px;max-width:520px}
.title{color:#f2f3f5;font-weight:600;margin-top:8px}.title a{color:#00a8fc}.desc{font-size:14px;margin-top:8px}
.field{margin-top:8px;font-size:14px}.fname{color:#f2f3f5;font-weight:600;margin-bottom:2px}
.footer{font-size:12px;color:#b5bac1;margin-top:8px}a{color:#00a8fc;text-decoration:none}strong{color:#f2f3f5}
code,pre{background:#1e1f22;border-radius:4px;font-family:Consolas,monospace;font-size:85%}pre{padding:8px;white-space:pre-wrap}
.buttons{display:flex;gap:8px;margin-top:8px;flex-wrap:wrap}.btn{border:0;border-radius:3px;color:#fff;padding:2px 16px;height:32px;font:500 14px inherit}
.primary{background:#5865f2}.secondary{background:#4e5058}.success{background:#248046}.danger{background:#da373c}.btn[disabled]{opacity:.5}
.time,.mention{background:#3f4147;border-radius:3px;padding:0 2px}em{font-style:italic}s{text-decoration:line-through}
.spoiler{background:#1e1f22;color:transparent}blockquote{margin:0;border-left:4px solid #4e5058;padding-left:12px}.subtext{font-size:12px;color:#949ba4}`;

/** Options of {@link renderPreviewHtml}. */
export interface PreviewOptions {
  /** The page title (e.g. the question). */
  readonly title: string;
  /** A grey note beside the bot's name (e.g. "Only you can see this"). */
  readonly note?: string;
}

/**
 * A whole HTML page showing one message.
 *
 * @example writeFileSync('preview.html', renderPreviewHtml(toDiscordPayload(message), { title: 'Who?' }));
 */
export function renderPreviewHtml(payload: DiscordPayload, options: PreviewOptions): string {
  const embeds = payload.embeds
    .map((embed) => {
      const colour = `#${(embed.color ?? 0x1e1f22).toString(16).padStart(6, '0')}`;
      const title = embed.title === undefined ? '' : markdownToHtml(embed.title);
      const parts = [
        embed.title === undefined ? '' : `<div class="title">${embed.url === undefined ? title : `<a href="${escapeHtml(embed.url)}">${title}</a>`}</div>`,
        embed.description === undefined ? '' : `<div class="desc">${markdownToHtml(embed.description)}</div>`,
        ...(embed.fields ?? []).map((f) => `<div class="field"><div class="fname">${markdownToHtml(f.name)}</div><div>${markdownToHtml(f.value)}</div></div>`),
        embed.footer === undefined ? '' : `<div class="footer">${escapeHtml(embed.footer.text)}</div>`,
      ];
      return `<div class="embed" style="--c:${colour}">${parts.join('')}</div>`;
    })
    .join('');
  const buttons = payload.components
    .map(
      (row) =>
        `<div class="buttons">${row.components
          .map((b) => `<button class="btn ${BUTTON_CLASS[b.style] ?? 'secondary'}"${b.disabled === true ? ' disabled' : ''}>${escapeHtml(b.label ?? '')}</button>`)
          .join('')}</div>`,
    )
    .join('');
  const content = payload.content === undefined ? '' : `<div class="content">${markdownToHtml(payload.content)}</div>`;
  const note = options.note === undefined ? '' : `<span class="note">${escapeHtml(options.note)}</span>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Footnote preview: ${escapeHtml(options.title)}</title><style>${STYLE}</style></head>
<body><div class="msg"><div class="avatar">F</div><div><div><span class="name">Footnote</span><span class="tag">APP</span>${note}</div>${content}${embeds}${buttons}</div></div></body></html>
`;
}
