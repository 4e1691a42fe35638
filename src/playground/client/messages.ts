/**
 * One Discord message (content, embeds, buttons, "X used /cmd", "Only you can see this") as
 * DOM nodes, exactly from the message object the fake Discord stored.
 */
import type { DomElement } from '../browser.js';
import { httpUrl } from '../../discord/render/markdown.js';
import { document, el, link, list, num, obj, str, type Json } from './dom.js';
import { renderInline, renderMarkdown } from './markdown-dom.js';
import { send } from './socket.js';
import { me, personName, state } from './state.js';

/** Discord message flags the page reads. */
const FLAG_EPHEMERAL = 1 << 6;
const FLAG_LOADING = 1 << 7;
/** A clicked button shows as busy at most this long (unless the bot changes the message first). */
const BUTTON_BUSY_MS = 4000;
const AVATAR_COLOURS = ['#5865f2', '#3ba55c', '#faa61a', '#ed4245', '#eb459e', '#747f8d'];
const BUTTON_STYLES: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

/** Longest quote of the replied-to message above a reply. */
const REPLY_SNIPPET_MAX = 100;

/** User mentions (`<@id>`) shown as `@Name`, as Discord's client draws them. */
function withNames(content: string): string {
  return content.replace(/<@!?(\d{1,20})>/g, (_, id: string) => `@${personName(id) ?? 'unknown-user'}`);
}

/** A round avatar with the name's initial, coloured from the id. */
export function avatar(id: string, name: string, size = ''): DomElement {
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

/** Is the message flagged ephemeral? */
export function isEphemeral(message: Json): boolean {
  return ((num(message.flags) ?? 0) & FLAG_EPHEMERAL) !== 0;
}

/** Ephemeral messages are shown only to the person who used the interaction, as on Discord. */
export function isVisible(message: Json): boolean {
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

/** A message as Discord shows it. */
export function renderMessage(message: Json): DomElement {
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

  const replied = obj(message.referenced_message);
  if (metadata === undefined && replied) {
    node.classList.add('has-reply');
    const line = node.appendChild(el('div', 'reply-line'));
    const who = obj(replied.author);
    line.appendChild(el('span', 'name', `↪ ${displayName(who)}`));
    line.appendChild(el('span', 'reply-snippet', withNames(str(replied.content) ?? '').slice(0, REPLY_SNIPPET_MAX)));
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
  const thread = obj(message.thread);
  const threadId = str(thread?.id);
  if (threadId !== undefined) {
    const chip = node.appendChild(el('button', 'thread-link'));
    chip.type = 'button';
    chip.dataset.open = threadId;
    chip.appendChild(el('span', 'thread-name', `↳ ${str(thread?.name) ?? 'Thread'}`));
    chip.appendChild(el('span', 'thread-open', 'Open thread'));
  }
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

/** A note from the playground itself (not from Discord), shown only on this page. */
export function renderNotice(level: 'error' | 'warning', text: string): DomElement {
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
