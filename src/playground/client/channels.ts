/**
 * The channel list and moving between channels: text channels and forums in the sidebar, each
 * with its threads beneath; opening one shows its messages (or a forum's posts) and points the
 * composer at it. Threads also open from a message's thread chip or a forum's post card.
 */
import type { DomElement } from '../browser.js';
import type { ChannelInfo } from '../protocol.js';
import { messagesNode, renderAll } from './channel.js';
import { focusComposer, setPlaceholder } from './composer.js';
import { byId, document, el } from './dom.js';
import { forumNode } from './forum.js';
import { ChannelType, currentChannel, state } from './state.js';

const listNode = byId('channel-list');
const composerNode = byId('composer');
/** What the header shows when the channel has no topic of its own. */
let defaultTopic = '';

/** The sign before a channel's name, as Discord draws it (glyphs every Latin font has: no emoji font needed). */
function sign(channel: ChannelInfo): string {
  if (channel.type === ChannelType.Forum) return '≡';
  if (channel.type === ChannelType.Thread) return '↳';
  return '#';
}

function entry(channel: ChannelInfo): DomElement {
  const node = el('button', channel.type === ChannelType.Thread ? 'channel thread' : 'channel');
  node.type = 'button';
  node.dataset.open = channel.id;
  node.dataset.kind = channel.type === ChannelType.Forum ? 'forum' : channel.type === ChannelType.Thread ? 'thread' : 'text';
  if (channel.id === state.current) node.classList.add('active');
  node.appendChild(el('span', 'channel-hash', sign(channel)));
  node.appendChild(el('span', 'channel-label', channel.name));
  return node;
}

/** Draws the sidebar's channel list again. */
export function renderChannelList(): void {
  listNode.replaceChildren();
  const all = [...state.channels.values()];
  const groups: [string, ChannelInfo[]][] = [
    ['Text channels', all.filter((c) => c.type === ChannelType.Text)],
    ['Forums', all.filter((c) => c.type === ChannelType.Forum)],
  ];
  for (const [title, channels] of groups) {
    if (channels.length === 0) continue;
    listNode.appendChild(el('div', 'category', title));
    for (const channel of channels) {
      listNode.appendChild(entry(channel));
      // A forum lists only its open post; a text channel lists its threads.
      for (const thread of all.filter((t) => t.parentId === channel.id && (channel.type !== ChannelType.Forum || t.id === state.current))) listNode.appendChild(entry(thread));
    }
  }
}

/** Shows a channel, forum or thread. */
export function openChannel(id: string): void {
  const channel = state.channels.get(id);
  if (!channel) return;
  state.current = id;
  const parent = channel.parentId === undefined ? undefined : state.channels.get(channel.parentId);
  const isForum = channel.type === ChannelType.Forum;
  byId('channel-name').textContent = channel.name;
  byId('channel-sign').textContent = sign(channel);
  byId('channel-topic').textContent = channel.topic ?? (parent ? `A thread in ${sign(parent)}${parent.name}` : defaultTopic);
  byId('welcome-channel').textContent = channel.name;
  // A thread starts with its first message, not the channel's welcome.
  const welcome = messagesNode.querySelector('.welcome');
  if (welcome) welcome.hidden = channel.type === ChannelType.Thread;
  const back = byId('thread-back');
  back.hidden = parent === undefined;
  if (parent) {
    back.dataset.open = parent.id;
    back.textContent = `← ${parent.name}`;
  }
  forumNode.hidden = !isForum;
  messagesNode.hidden = isForum;
  composerNode.hidden = isForum;
  setPlaceholder(channel.type === ChannelType.Thread ? `Message ${channel.name}` : `Message #${channel.name}`);
  document.title = `${sign(channel)}${channel.name} · Footnote playground`;
  document.body.dataset.channel = channel.type === ChannelType.Forum ? 'forum' : channel.type === ChannelType.Thread ? 'thread' : 'text';
  byId('app').classList.remove('nav-open');
  renderChannelList();
  renderAll();
  if (!isForum) focusComposer();
}

/** Adds or updates a channel (a new thread). */
export function addChannel(channel: ChannelInfo): void {
  state.channels.set(channel.id, channel);
  renderChannelList();
  if (currentChannel()?.type === ChannelType.Forum) renderAll();
}

/** Sets the channels from the server's hello, keeping the one on screen if it still exists. */
export function setChannels(channels: readonly ChannelInfo[], topic: string, fallback: string): void {
  defaultTopic = topic;
  state.channels = new Map(channels.map((c) => [c.id, c]));
  openChannel(state.channels.has(state.current) ? state.current : fallback);
}

/** Wires every `[data-open]` control (sidebar entries, post cards, thread chips, back); call once. */
export function startChannels(): void {
  document.addEventListener('click', (event) => {
    const target = event.target as DomElement | null;
    const opener = typeof target?.closest === 'function' ? target.closest('[data-open]') : null;
    const id = opener?.dataset.open;
    if (id !== undefined) openChannel(id);
  });
}
