/**
 * A self-contained HTML picture of a message as Discord would show it (dark theme: colour bar,
 * title, description with bold and links, fields, footer, buttons), for the README and for
 * eyeballing changes without a Discord server. Every text is HTML-escaped.
 */
import { ButtonStyle } from 'discord.js';
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

// The markdown Footnote's messages use, most specific first.
const INLINE = /\\([^0-9A-Za-z\s])|\*\*|__|\[((?:\\.|[^\\\]])*)\]\((https?:\/\/[^()\s]+)\)|```([^]*?)```|`([^`\n]+)`|<t:(-?\d{1,13})(?::[tTdDfFR])?>|\n/gy;

/**
 * Turns Discord markdown (escapes, bold, underline, masked links, code, timestamps, newlines) into HTML.
 *
 * @example markdownToHtml('**a** [b](https://x.org)') // '<strong>a</strong> <a href="https://x.org">b</a>'
 */
export function markdownToHtml(markdown: string): string {
  let html = '';
  const open = { bold: false, underline: false };
  let i = 0;
  while (i < markdown.length) {
    INLINE.lastIndex = i;
    const m = INLINE.exec(markdown);
    if (!m) {
      const next = markdown.slice(i).search(/[\\*_[`<\n]/);
      const end = next < 0 ? markdown.length : next === 0 ? i + 1 : i + next;
      html += escapeHtml(markdown.slice(i, end));
      i = end;
      continue;
    }
    const [token, escaped, label, url, block, code, seconds] = m;
    if (escaped !== undefined) html += escapeHtml(escaped);
    else if (token === '**') html += (open.bold = !open.bold) ? '<strong>' : '</strong>';
    else if (token === '__') html += (open.underline = !open.underline) ? '<u>' : '</u>';
    else if (url !== undefined) html += `<a href="${escapeHtml(url)}">${markdownToHtml(label ?? '')}</a>`;
    else if (block !== undefined) html += `<pre>${escapeHtml(block.replace(/^\n/, ''))}</pre>`;
    else if (code !== undefined) html += `<code>${escapeHtml(code)}</code>`;
    else if (seconds !== undefined) html += `<span class="time">${escapeHtml(new Date(Number(seconds) * 1000).toISOString().slice(0, 10))}</span>`;
    else html += '<br>';
    i += token.length;
  }
  if (open.bold) html += '</strong>';
  if (open.underline) html += '</u>';
  return html;
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
.time{background:#3f4147;border-radius:3px;padding:0 2px}`;

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
