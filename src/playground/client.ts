/**
 * The playground page: renders the channel exactly from the messages the bot sent (as the fake
 * Discord stored them), and turns typing, clicks and right-clicks into requests to the server.
 *
 * Safety: every string from the bot or the person is untrusted. The DOM is built with
 * createElement/textContent only (never innerHTML), links are made only for http(s) URLs, and
 * colours are formatted from numbers. Only type imports here: esbuild emits a standalone script.
 */
import type { BrowserGlobals, DomAnchor, DomElement, DomSelect, DomTags, DomTextArea, DomWebSocket } from './browser.js';
import type { ChoiceInfo, ClientMessage, CommandInfo, PersonInfo, PickedChoice, PlaygroundUser, ServerMessage } from './protocol.js';

const { document, window, WebSocket } = globalThis as unknown as BrowserGlobals;

type Hello = Extract<ServerMessage, { type: 'hello' }>;
type Json = Record<string, unknown>;

/** Discord message flags the page reads. */
const FLAG_EPHEMERAL = 1 << 6;
const FLAG_LOADING = 1 << 7;
/** Markdown nesting deeper than this is shown as text (keeps hostile input cheap). */
const MARKDOWN_DEPTH_MAX = 12;
/** Wait after a keystroke before asking the bot for suggestions. */
const AUTOCOMPLETE_DEBOUNCE_MS = 120;
/** A clicked button shows as busy at most this long. */
const BUTTON_BUSY_MS = 4000;
const RECONNECT_MS = 1000;

// ---------------------------------------------------------------------------------------------
// Reading untrusted JSON

const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The URL if it is http(s), else undefined: nothing else ever becomes a link. */
function httpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

function el<K extends keyof DomTags & string>(tag: K, className?: string, text?: string): DomTags[K] {
  const node = document.createElement(tag) as DomTags[K];
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId<T extends DomElement = DomElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from page.html`);
  return node as T;
}

function link(href: string, children: (parent: DomElement) => void): DomAnchor {
  const a = el('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer nofollow';
  a.title = href;
  children(a);
  return a;
}

// ---------------------------------------------------------------------------------------------
// State

const state = {
  hello: undefined as Hello | undefined,
  user: 'member' as PlaygroundUser,
  /** Messages in channel order, as last received. */
  messages: new Map<string, Json>(),
  dismissed: new Set<string>(),
  socket: undefined as DomWebSocket | undefined,
};

function me(): PersonInfo | undefined {
  return state.hello?.users[state.user];
}

function personName(id: string | undefined): string | undefined {
  const hello = state.hello;
  if (!hello || id === undefined) return undefined;
  return [hello.bot, hello.users.member, hello.users.moderator].find((p) => p.id === id)?.name;
}

// ---------------------------------------------------------------------------------------------
// Discord markdown → DOM

const TIME_STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  t: { timeStyle: 'short' },
  T: { timeStyle: 'medium' },
  d: { dateStyle: 'short' },
  D: { dateStyle: 'long' },
  f: { dateStyle: 'long', timeStyle: 'short' },
  F: { dateStyle: 'full', timeStyle: 'short' },
};

function relativeTime(date: Date): string {
  const seconds = (date.getTime() - Date.now()) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31_536_000], ['month', 2_592_000], ['day', 86_400], ['hour', 3600], ['minute', 60], ['second', 1]];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

function timestampNode(seconds: number, style: string): DomElement {
  const date = new Date(seconds * 1000);
  const span = el('span', 'time');
  span.textContent = Number.isNaN(date.getTime()) ? String(seconds) : style === 'R' ? relativeTime(date) : new Intl.DateTimeFormat('en', TIME_STYLES[style] ?? TIME_STYLES.f).format(date);
  span.title = Number.isNaN(date.getTime()) ? '' : date.toString();
  return span;
}

interface Delimiter {
  readonly token: string;
  readonly tag: 'strong' | 'em' | 'u' | 's' | 'span';
  readonly className?: string;
  /** `_italics_` only open and close at word boundaries (snake_case stays as is). */
  readonly wordBound?: boolean;
}

// Longest first, as Discord matches them.
const DELIMITERS: readonly Delimiter[] = [
  { token: '***', tag: 'strong' },
  { token: '**', tag: 'strong' },
  { token: '__', tag: 'u' },
  { token: '~~', tag: 's' },
  { token: '||', tag: 'span', className: 'spoiler' },
  { token: '*', tag: 'em' },
  { token: '_', tag: 'em', wordBound: true },
];

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isEscapable = (c: string | undefined): boolean => c !== undefined && /[^\p{L}\p{N}\s]/u.test(c);

/** Index of the closing `token` at or after `from` (skipping escapes and code), or -1. */
function findClose(src: string, from: number, token: string, wordBound = false): number {
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (c === '\\' && isEscapable(src[j + 1])) {
      j++;
      continue;
    }
    if (c === '`' && token !== '`') {
      const end = src.indexOf('`', j + 1);
      if (end > j) j = end;
      continue;
    }
    if (src.startsWith(token, j) && (!wordBound || !isWordChar(src[j + token.length]))) return j;
  }
  return -1;
}

const ANGLE = /^<(?:t:(-?\d{1,13})(?::([tTdDfFR]))?|@!?(\d{1,20})|@&(\d{1,20})|#(\d{1,20})|(https?:\/\/[^\s>]+))>/;
const BARE_URL = /^https?:\/\/[^\s<]*[^\s<.,:;"')\]!?*_~|]/;

/** Appends Discord inline markdown to `parent` as DOM nodes. */
function renderInline(src: string, parent: DomElement, depth = 0): void {
  if (depth > MARKDOWN_DEPTH_MAX) {
    parent.appendChild(document.createTextNode(src));
    return;
  }
  let text = '';
  const flush = (): void => {
    if (text !== '') parent.appendChild(document.createTextNode(text));
    text = '';
  };
  let i = 0;
  scan: while (i < src.length) {
    const c = src[i]!;
    const rest = src.slice(i);
    if (c === '\\' && isEscapable(src[i + 1])) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const fence = /^(`+)/.exec(rest)![1]!;
      const end = src.indexOf(fence, i + fence.length);
      if (end > i + fence.length) {
        flush();
        parent.appendChild(el('code', 'inline', src.slice(i + fence.length, end)));
        i = end + fence.length;
        continue;
      }
    }
    for (const d of DELIMITERS) {
      if (!rest.startsWith(d.token)) continue;
      if (d.wordBound && isWordChar(src[i - 1])) break;
      const close = findClose(src, i + d.token.length + 1, d.token, d.wordBound);
      if (close < 0) continue;
      flush();
      const node = el(d.tag, d.className);
      renderInline(src.slice(i + d.token.length, close), d.token === '***' ? node.appendChild(el('em')) : node, depth + 1);
      if (d.className === 'spoiler') node.addEventListener('click', () => node.classList.add('revealed'));
      parent.appendChild(node);
      i = close + d.token.length;
      continue scan;
    }
    if (c === '[') {
      const closeBracket = findClose(src, i + 1, ']');
      if (closeBracket > i && src[closeBracket + 1] === '(') {
        const closeParen = src.indexOf(')', closeBracket + 2);
        const target = closeParen > 0 ? src.slice(closeBracket + 2, closeParen).replace(/\s+"[^"]*"$/, '').replace(/^<(.*)>$/, '$1') : undefined;
        const href = httpUrl(target);
        if (href !== undefined) {
          flush();
          const label = src.slice(i + 1, closeBracket);
          parent.appendChild(link(href, (a) => renderInline(label, a, depth + 1)));
          i = closeParen + 1;
          continue;
        }
      }
    }
    if (c === '<') {
      const m = ANGLE.exec(rest);
      if (m) {
        flush();
        const [whole, time, style, user, role, channel, url] = m;
        if (time !== undefined) parent.appendChild(timestampNode(Number(time), style ?? 'f'));
        else if (user !== undefined) parent.appendChild(el('span', 'mention', `@${personName(user) ?? 'unknown-user'}`));
        else if (role !== undefined) parent.appendChild(el('span', 'mention', '@role'));
        else if (channel !== undefined) parent.appendChild(el('span', 'mention', `#${channel === state.hello?.channel.id ? state.hello.channel.name : 'unknown'}`));
        else {
          const href = httpUrl(url);
          parent.appendChild(href === undefined ? document.createTextNode(whole) : link(href, (a) => (a.textContent = url ?? '')));
        }
        i += whole.length;
        continue;
      }
    }
    if (c === 'h') {
      const m = BARE_URL.exec(rest);
      const href = httpUrl(m?.[0]);
      if (m && href !== undefined && !isWordChar(src[i - 1])) {
        flush();
        parent.appendChild(link(href, (a) => (a.textContent = m[0])));
        i += m[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
}

/** Appends Discord markdown (code blocks, headings, quotes, subtext, lists, lines) to `parent`. */
function renderMarkdown(src: string, parent: DomElement): DomElement {
  parent.classList.add('md');
  const fence = /```(?:([\w+#.-]{1,20})\n)?([^]*?)```/g;
  let last = 0;
  for (const m of src.matchAll(fence)) {
    renderLines(src.slice(last, m.index), parent);
    const pre = el('pre');
    pre.appendChild(el('code', undefined, (m[2] ?? '').replace(/^\n/, '').replace(/\n$/, '')));
    parent.appendChild(pre);
    last = m.index + m[0].length;
  }
  renderLines(src.slice(last), parent);
  return parent;
}

function renderLines(src: string, parent: DomElement): void {
  if (src === '') return;
  const lines = src.split('\n');
  let needBreak = false;
  let listNode: DomElement | undefined;
  const quoteAllAt = lines.findIndex((l) => l.startsWith('>>> '));
  lines.forEach((line, index) => {
    const block = blockFor(index >= quoteAllAt && quoteAllAt >= 0 ? `> ${index === quoteAllAt ? line.slice(4) : line}` : line);
    if (block.kind === 'item') {
      if (!listNode || listNode.tagName.toLowerCase() !== block.list) listNode = parent.appendChild(el(block.list));
      renderInline(block.text, listNode.appendChild(el('li')));
      needBreak = false;
      return;
    }
    listNode = undefined;
    if (block.kind === 'line') {
      if (needBreak) parent.appendChild(el('br'));
      renderInline(block.text, parent);
      needBreak = true;
      return;
    }
    const node = parent.appendChild(el(block.kind === 'subtext' ? 'div' : block.kind, block.kind === 'subtext' ? 'subtext' : undefined));
    renderInline(block.text, node);
    needBreak = false;
  });
}

type Block =
  | { kind: 'line' | 'h1' | 'h2' | 'h3' | 'blockquote' | 'subtext'; text: string }
  | { kind: 'item'; list: 'ul' | 'ol'; text: string };

function blockFor(line: string): Block {
  const heading = /^(#{1,3}) (.*)$/.exec(line);
  if (heading) return { kind: `h${heading[1]!.length}` as 'h1' | 'h2' | 'h3', text: heading[2]! };
  if (line.startsWith('> ')) return { kind: 'blockquote', text: line.slice(2) };
  if (line.startsWith('-# ')) return { kind: 'subtext', text: line.slice(3) };
  const bullet = /^\s*[-*] (.*)$/.exec(line);
  if (bullet) return { kind: 'item', list: 'ul', text: bullet[1]! };
  const numbered = /^\s*\d{1,9}\. (.*)$/.exec(line);
  if (numbered) return { kind: 'item', list: 'ol', text: numbered[1]! };
  return { kind: 'line', text: line };
}

// ---------------------------------------------------------------------------------------------
// Messages → DOM

const AVATAR_COLOURS = ['#5865f2', '#3ba55c', '#faa61a', '#ed4245', '#eb459e', '#747f8d'];

function avatar(id: string, name: string, size = ''): DomElement {
  const node = el('div', `avatar ${size}`.trim(), (name.trim()[0] ?? '?').toUpperCase());
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  node.style.background = AVATAR_COLOURS[hash % AVATAR_COLOURS.length]!;
  return node;
}

function displayName(user: Json | undefined): string {
  return str(user?.global_name) ?? str(user?.username) ?? 'Unknown';
}

function timeLabel(iso: string | undefined): string {
  const date = new Date(iso ?? '');
  if (Number.isNaN(date.getTime())) return '';
  const time = date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  return date.toDateString() === new Date().toDateString() ? `Today at ${time}` : `${date.toLocaleDateString()} ${time}`;
}

function colourOf(value: unknown): string | undefined {
  const n = num(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 0xffffff ? `#${n.toString(16).padStart(6, '0')}` : undefined;
}

function renderEmbed(embed: Json): DomElement {
  const box = el('article', 'embed');
  const colour = colourOf(embed.color);
  if (colour) box.style.borderLeftColor = colour;
  const author = obj(embed.author);
  if (str(author?.name)) box.appendChild(el('div', 'embed-author', str(author?.name)));
  const title = str(embed.title);
  if (title) {
    const node = box.appendChild(el('div', 'embed-title'));
    const href = httpUrl(str(embed.url));
    if (href) node.appendChild(link(href, (a) => renderInline(title, a)));
    else renderInline(title, node);
  }
  const description = str(embed.description);
  if (description) box.appendChild(renderMarkdown(description, el('div', 'embed-description')));
  const fields = list(embed.fields).map(obj).filter((f): f is Json => f !== undefined);
  if (fields.length > 0) {
    const grid = box.appendChild(el('div', 'embed-fields'));
    for (const field of fields) {
      const node = grid.appendChild(el('div', field.inline === true ? 'embed-field inline' : 'embed-field'));
      renderInline(str(field.name) ?? '', node.appendChild(el('div', 'embed-field-name md')));
      renderMarkdown(str(field.value) ?? '', node.appendChild(el('div', 'embed-field-value')));
    }
  }
  const footer = str(obj(embed.footer)?.text);
  const when = str(embed.timestamp);
  if (footer || when) {
    const node = box.appendChild(el('div', 'embed-footer'));
    if (footer) node.appendChild(el('span', undefined, footer)); // footers show plain text on Discord
    if (footer && when) node.appendChild(el('span', undefined, '•'));
    if (when) node.appendChild(el('span', undefined, timeLabel(when)));
  }
  return box;
}

const BUTTON_STYLES: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

function renderComponents(message: Json, container: DomElement): void {
  const messageId = str(message.id) ?? '';
  for (const row of list(message.components).map(obj)) {
    if (!row) continue;
    const rowNode = container.appendChild(el('div', 'action-row'));
    for (const component of list(row.components).map(obj)) {
      if (!component) continue;
      if (component.type !== 2) {
        rowNode.appendChild(el('span', 'unsupported', '(a component the playground does not show)'));
        continue;
      }
      const style = BUTTON_STYLES[num(component.style) ?? 2] ?? 'secondary';
      const label = str(component.label) ?? str(obj(component.emoji)?.name) ?? '';
      if (style === 'link') {
        const href = httpUrl(str(component.url));
        if (href) rowNode.appendChild(link(href, (a) => ((a.className = 'button link'), (a.textContent = `${label} ↗`))));
        else rowNode.appendChild(el('button', 'button link', label)).disabled = true;
        continue;
      }
      const button = rowNode.appendChild(el('button', `button ${style}`, label));
      button.type = 'button';
      const customId = str(component.custom_id) ?? '';
      button.dataset.customId = customId;
      button.disabled = component.disabled === true;
      button.addEventListener('click', () => {
        button.disabled = true;
        button.classList.add('loading');
        setTimeout(() => {
          button.disabled = component.disabled === true;
          button.classList.remove('loading');
        }, BUTTON_BUSY_MS);
        send({ type: 'click', messageId, customId, user: state.user });
      });
    }
  }
}

function isEphemeral(message: Json): boolean {
  return ((num(message.flags) ?? 0) & FLAG_EPHEMERAL) !== 0;
}

/** Ephemeral messages are shown only to the person who used the interaction, as on Discord. */
function isVisible(message: Json): boolean {
  if (state.dismissed.has(str(message.id) ?? '')) return false;
  if (!isEphemeral(message)) return true;
  const owner = str(obj(obj(message.interaction_metadata)?.user)?.id);
  return owner === me()?.id;
}

function eyeIcon(): DomElement {
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const path = svg.appendChild(document.createElementNS(svgNs, 'path'));
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M12 5C5.6 5 2 12 2 12s3.6 7 10 7 10-7 10-7-3.6-7-10-7Zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9Zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z');
  return svg;
}

function ephemeralNote(onDismiss: () => void): DomElement {
  const note = el('div', 'ephemeral-note');
  note.appendChild(eyeIcon());
  note.appendChild(el('span', undefined, 'Only you can see this •'));
  const dismiss = note.appendChild(el('button', undefined, 'Dismiss message'));
  dismiss.type = 'button';
  dismiss.addEventListener('click', onDismiss);
  return note;
}

function renderMessage(message: Json): DomElement {
  const id = str(message.id) ?? '';
  const author = obj(message.author);
  const isBot = author?.bot === true;
  const node = el('div', 'message');
  node.dataset.id = id;
  node.dataset.author = isBot ? 'bot' : 'user';
  if (isEphemeral(message)) node.classList.add('ephemeral');

  const metadata = obj(message.interaction_metadata);
  const commandName = str(metadata?.name);
  if (metadata && commandName !== undefined) {
    node.classList.add('has-reply');
    const user = obj(metadata.user);
    const line = node.appendChild(el('div', 'reply-line'));
    line.appendChild(avatar(str(user?.id) ?? '', displayName(user), 'tiny'));
    line.appendChild(el('span', 'name', displayName(user)));
    line.appendChild(document.createTextNode('used'));
    line.appendChild(el('span', 'command', metadata.command_type === 3 ? commandName : `/${commandName}`));
  }

  node.appendChild(avatar(str(author?.id) ?? '', displayName(author)));
  const header = node.appendChild(el('h3', 'message-header'));
  header.appendChild(el('span', isBot ? 'author bot' : 'author', displayName(author)));
  if (isBot) header.appendChild(el('span', 'bot-tag', 'APP'));
  header.appendChild(el('span', 'timestamp', timeLabel(str(message.timestamp))));

  const flags = num(message.flags) ?? 0;
  const content = str(message.content) ?? '';
  if ((flags & FLAG_LOADING) !== 0) {
    const thinking = node.appendChild(el('div', 'thinking'));
    thinking.appendChild(el('span', undefined, `${displayName(author)} is thinking`));
    const dots = thinking.appendChild(el('span', 'dots'));
    for (let k = 0; k < 3; k++) dots.appendChild(el('i'));
  } else if (content !== '') {
    const body = node.appendChild(renderMarkdown(content, el('div', 'content')));
    if (str(message.edited_timestamp)) body.appendChild(el('span', 'edited', '(edited)'));
  }
  for (const embed of list(message.embeds).map(obj)) if (embed) node.appendChild(renderEmbed(embed));
  renderComponents(message, node);
  if (isEphemeral(message)) {
    node.appendChild(
      ephemeralNote(() => {
        state.dismissed.add(id);
        node.remove();
      }),
    );
  }
  return node;
}

function renderNotice(level: 'error' | 'warning', text: string): DomElement {
  const node = el('div', `message notice ephemeral ${level}`);
  node.dataset.author = 'playground';
  node.appendChild(avatar('playground', 'P'));
  const header = node.appendChild(el('h3', 'message-header'));
  header.appendChild(el('span', 'author', 'Playground'));
  header.appendChild(el('span', 'timestamp', timeLabel(new Date().toISOString())));
  node.appendChild(renderMarkdown(text, el('div', 'content')));
  node.appendChild(ephemeralNote(() => node.remove()));
  return node;
}

// ---------------------------------------------------------------------------------------------
// The message list

const messagesNode = byId('messages');

function keepScrolled(change: () => void): void {
  const atBottom = messagesNode.scrollHeight - messagesNode.scrollTop - messagesNode.clientHeight < 80;
  change();
  if (atBottom) messagesNode.scrollTop = messagesNode.scrollHeight;
}

function messageNode(id: string): DomElement | undefined {
  return [...messagesNode.querySelectorAll('.message[data-id]')].find((n) => n.dataset.id === id);
}

function upsert(message: Json): void {
  const id = str(message.id);
  if (id === undefined) return;
  state.messages.set(id, message);
  keepScrolled(() => {
    const existing = messageNode(id);
    if (!isVisible(message)) return void existing?.remove();
    const fresh = renderMessage(message);
    if (existing) existing.replaceWith(fresh);
    else messagesNode.appendChild(fresh);
  });
}

function renderAll(): void {
  keepScrolled(() => {
    for (const node of messagesNode.querySelectorAll('.message:not(.notice)')) node.remove();
    for (const message of state.messages.values()) if (isVisible(message)) messagesNode.appendChild(renderMessage(message));
  });
}

// ---------------------------------------------------------------------------------------------
// Composer: slash commands, autocomplete, sending

const input = byId<DomTextArea>('input');
const popup = byId('popup');
const hint = byId('hint');

interface PopupItem {
  readonly name: string;
  readonly description?: string;
  readonly pick: () => void;
}

const composer = {
  items: [] as PopupItem[],
  active: 0,
  /** True once the person moved through the list with the arrow keys (then Enter picks). */
  navigated: false,
  mode: 'none' as 'none' | 'commands' | 'choices',
  seq: 0,
  timer: undefined as number | undefined,
  picked: [] as PickedChoice[],
  /** Text for which no suggestions should be asked (just picked). */
  quiet: undefined as string | undefined,
};

function slashCommands(): CommandInfo[] {
  return (state.hello?.commands ?? []).filter((c) => c.type === 1);
}

function showPopup(mode: 'commands' | 'choices', title: string, items: PopupItem[]): void {
  composer.mode = mode;
  composer.items = items;
  composer.active = 0;
  composer.navigated = false;
  popup.replaceChildren(el('div', 'popup-title', title));
  if (items.length === 0) popup.appendChild(el('div', 'popup-empty', 'No suggestions'));
  items.forEach((item, index) => {
    const row = popup.appendChild(el('div', index === 0 ? 'popup-item active' : 'popup-item'));
    row.setAttribute('role', 'option');
    row.appendChild(el('span', 'name', item.name));
    if (item.description) row.appendChild(el('span', 'description', item.description));
    row.addEventListener('mousedown', (event) => {
      event.preventDefault();
      item.pick();
    });
  });
  popup.hidden = false;
}

function hidePopup(): void {
  composer.mode = 'none';
  composer.items = [];
  popup.hidden = true;
}

function highlight(index: number): void {
  if (composer.items.length === 0) return;
  composer.active = (index + composer.items.length) % composer.items.length;
  composer.navigated = true;
  [...popup.querySelectorAll('.popup-item')].forEach((row, i) => row.classList.toggle('active', i === composer.active));
  popup.querySelectorAll('.popup-item')[composer.active]?.scrollIntoView({ block: 'nearest' });
}

function setText(text: string): void {
  input.value = text;
  input.setSelectionRange(text.length, text.length);
  autosize();
  updateHint();
}

function autosize(): void {
  input.style.height = 'auto';
  input.style.height = `${input.scrollHeight}px`;
}

function updateHint(): void {
  hint.replaceChildren();
  const head = /^\s*\/(\S+)\s/.exec(input.value);
  const command = head && slashCommands().find((c) => c.name === head[1]!.toLowerCase());
  if (!command) return;
  hint.appendChild(el('span', 'opt', `/${command.name}`));
  for (const option of command.options) {
    const node = hint.appendChild(el('span', option.required ? 'opt required' : 'opt', `${option.name}:`));
    node.title = option.description;
    if (new RegExp(`(^|\\s)${option.name}:`, 'i').test(input.value)) node.classList.add('current');
  }
  hint.appendChild(el('span', undefined, `— ${command.description}`));
}

/** What to suggest for the text as typed: command names, or ask the bot (autocomplete). */
function suggest(): void {
  const text = input.value;
  window.clearTimeout(composer.timer);
  const typingName = /^\s*\/(\S*)$/.exec(text);
  if (typingName) {
    const typed = typingName[1]!.toLowerCase();
    const matches = slashCommands().filter((c) => c.name.startsWith(typed));
    if (matches.length === 0) return hidePopup();
    showPopup(
      'commands',
      'Commands',
      matches.map((c) => ({ name: `/${c.name}`, description: c.description, pick: () => (setText(`/${c.name} `), suggest()) })),
    );
    return;
  }
  if (!/^\s*\/\S+\s/.test(text) || text === composer.quiet) return hidePopup();
  composer.timer = window.setTimeout(() => {
    composer.seq += 1;
    send({ type: 'autocomplete', seq: composer.seq, text, user: state.user });
  }, AUTOCOMPLETE_DEBOUNCE_MS);
}

/** Shows the bot's choices for the option being typed (if they are for the latest text). */
function showChoices(seq: number, option: string | undefined, choices: readonly ChoiceInfo[] | null): void {
  if (seq !== composer.seq) return;
  if (choices === null || option === undefined) {
    if (composer.mode === 'choices') hidePopup();
    return;
  }
  showPopup(
    'choices',
    `Suggestions from Footnote for ${option}`,
    choices.map((choice) => ({ name: choice.name, pick: () => pickChoice(option, choice) })),
  );
}

/** Puts the choice's name in the option (the bot gets its value when sent, as on Discord). */
function pickChoice(option: string, choice: ChoiceInfo): void {
  const text = input.value;
  const markers = [...text.matchAll(new RegExp(`(?<=^|\\s)${option.replace(/[^\w-]/g, '')}:`, 'gi'))];
  const lastMarker = markers[markers.length - 1];
  const head = lastMarker ? text.slice(0, lastMarker.index + lastMarker[0].length) : (/^\s*\/\S+/.exec(text)?.[0] ?? '');
  const next = `${head} ${choice.name}`;
  composer.picked = [...composer.picked.filter((p) => p.option !== option), { option, name: choice.name, value: String(choice.value) }];
  composer.quiet = next;
  setText(next);
  hidePopup();
}

function submit(): void {
  const text = input.value;
  if (text.trim() === '') return;
  send({ type: 'send', text, user: state.user, picked: composer.picked });
  composer.picked = [];
  composer.quiet = undefined;
  window.clearTimeout(composer.timer);
  composer.seq += 1; // late suggestions for the old text are ignored
  hidePopup();
  setText('');
}

input.addEventListener('input', () => {
  autosize();
  updateHint();
  suggest();
});

input.addEventListener('keydown', (event) => {
  const open = composer.mode !== 'none' && composer.items.length > 0;
  if (event.key === 'ArrowDown' && open) return void (event.preventDefault(), highlight(composer.active + 1));
  if (event.key === 'ArrowUp' && open) return void (event.preventDefault(), highlight(composer.active - 1));
  if (event.key === 'Escape') return void hidePopup();
  if (event.key === 'Tab' && open) return void (event.preventDefault(), composer.items[composer.active]?.pick());
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  const typingName = /^\s*\/(\S*)$/.exec(input.value);
  const exact = typingName && slashCommands().some((c) => c.name === typingName[1]!.toLowerCase());
  if (open && ((composer.mode === 'commands' && !exact) || (composer.mode === 'choices' && composer.navigated))) {
    composer.items[composer.active]?.pick();
    return;
  }
  submit();
});

input.addEventListener('blur', () => window.setTimeout(hidePopup, 150));
byId('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});

// ---------------------------------------------------------------------------------------------
// Context menu (right-click a message → Apps → Find sources)

const menu = byId('context-menu');

function closeMenu(): void {
  menu.hidden = true;
  menu.replaceChildren();
}

messagesNode.addEventListener('contextmenu', (event) => {
  const target = (event.target as DomElement).closest('.message[data-id]');
  const apps = (state.hello?.commands ?? []).filter((c) => c.type === 3);
  if (!target || apps.length === 0) return;
  event.preventDefault();
  const messageId = target.dataset.id ?? '';
  menu.replaceChildren(el('div', 'menu-label', 'Apps'));
  for (const app of apps) {
    const item = menu.appendChild(el('button', 'menu-item', app.name));
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.addEventListener('click', () => {
      closeMenu();
      send({ type: 'menu', messageId, command: app.name, user: state.user });
    });
  }
  menu.hidden = false;
  menu.style.left = `${Math.min(event.clientX, window.innerWidth - menu.offsetWidth - 8)}px`;
  menu.style.top = `${Math.min(event.clientY, window.innerHeight - menu.offsetHeight - 8)}px`;
  menu.querySelector('.menu-item')?.focus();
});
document.addEventListener('click', (event) => {
  if (!menu.contains(event.target)) closeMenu();
});
document.addEventListener('keydown', (event) => event.key === 'Escape' && closeMenu());
messagesNode.addEventListener('scroll', closeMenu);

// ---------------------------------------------------------------------------------------------
// Who the person acts as

const userSelect = byId<DomSelect>('user-select');

function showMe(): void {
  const person = me();
  if (!person) return;
  byId('me-name').textContent = person.name;
  byId('me-role').textContent = state.user === 'moderator' ? 'moderator · Manage Server' : 'member';
  byId('me-avatar').replaceWith(Object.assign(avatar(person.id, person.name, 'small'), { id: 'me-avatar' }));
}

userSelect.addEventListener('change', () => {
  state.user = userSelect.value === 'moderator' ? 'moderator' : 'member';
  showMe();
  renderAll();
  input.focus();
});

// ---------------------------------------------------------------------------------------------
// The socket

const connection = byId('connection');

function send(message: ClientMessage): void {
  if (state.socket?.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(message));
  else messagesNode.appendChild(renderNotice('error', 'Not connected to the playground; retrying…'));
}

function onHello(hello: Hello): void {
  state.hello = hello;
  state.messages = new Map();
  for (const message of hello.messages.map(obj)) if (message && str(message.id)) state.messages.set(str(message.id)!, message);
  byId('guild-name').textContent = hello.guild.name;
  byId('guild-icon').title = hello.guild.name;
  for (const id of ['channel-name', 'sidebar-channel', 'welcome-channel']) byId(id).textContent = hello.channel.name;
  byId('channel-topic').textContent = hello.channel.topic;
  input.placeholder = `Message #${hello.channel.name}`;
  document.title = `#${hello.channel.name} · Footnote playground`;
  const [member, moderator] = userSelect.options;
  if (member) member.textContent = `${hello.users.member.name} (member)`;
  if (moderator) moderator.textContent = `${hello.users.moderator.name} (moderator)`;
  showMe();
  renderAll();
  document.body.dataset.ready = 'true';
}

function onServerMessage(message: ServerMessage): void {
  switch (message.type) {
    case 'hello':
      return onHello(message);
    case 'message':
    case 'messageUpdate': {
      const data = obj(message.message);
      if (data) upsert(data);
      return;
    }
    case 'messageDelete':
      state.messages.delete(message.id);
      messageNode(message.id)?.remove();
      return;
    case 'choices':
      return showChoices(message.seq, message.option, message.choices);
    case 'notice':
      return keepScrolled(() => messagesNode.appendChild(renderNotice(message.level, message.text)));
  }
}

function connect(): void {
  const socket = new WebSocket(new URL('/socket', window.location.href.replace(/^http/, 'ws')).href);
  state.socket = socket;
  socket.addEventListener('open', () => {
    connection.textContent = 'connected';
    connection.className = 'connection online';
  });
  socket.addEventListener('message', (event) => {
    try {
      onServerMessage(JSON.parse(String(event.data)) as ServerMessage);
    } catch (error) {
      console.error('playground: could not show a server message', error);
    }
  });
  socket.addEventListener('close', () => {
    connection.textContent = 'disconnected — retrying…';
    connection.className = 'connection offline';
    window.setTimeout(connect, RECONNECT_MS);
  });
}

connect();
input.focus();
