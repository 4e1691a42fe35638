/**
 * The message list of the channel or thread on screen: adds, replaces and removes messages as
 * the server reports them, and stays scrolled to the newest one when the person was already
 * there. Messages of other channels are kept in the state for when the person opens them.
 */
import type { DomElement } from '../browser.js';
import { byId, str, type Json } from './dom.js';
import { forumNode, renderForum } from './forum.js';
import { isVisible, renderMessage, renderNotice } from './messages.js';
import { ChannelType, currentChannel, state } from './state.js';

/** The list's node. */
export const messagesNode = byId('messages');

/** Runs a change, keeping the list at the bottom if it was there. */
export function keepScrolled(change: () => void): void {
  const atBottom = messagesNode.scrollHeight - messagesNode.scrollTop - messagesNode.clientHeight < 80;
  change();
  if (atBottom) messagesNode.scrollTop = messagesNode.scrollHeight;
}

function messageNode(id: string): DomElement | undefined {
  return [...messagesNode.querySelectorAll('.message[data-id]')].find((n) => n.dataset.id === id);
}

const onScreen = (message: Json): boolean => str(message.channel_id) === state.current;

/** Shows a new or changed message (if it is in the channel on screen). */
export function upsert(message: Json): void {
  const id = str(message.id);
  if (id === undefined) return;
  state.messages.set(id, message);
  const forum = currentChannel();
  if (forum?.type === ChannelType.Forum && state.channels.get(str(message.channel_id) ?? '')?.parentId === forum.id) return renderForum();
  if (!onScreen(message)) return;
  keepScrolled(() => {
    const existing = messageNode(id);
    if (!isVisible(message)) return void existing?.remove();
    const fresh = renderMessage(message);
    if (existing) existing.replaceWith(fresh);
    else messagesNode.appendChild(fresh);
  });
}

/** Removes a deleted message. */
export function remove(id: string): void {
  state.messages.delete(id);
  messageNode(id)?.remove();
}

/** Draws the channel on screen again (after a switch of person or channel). */
export function renderAll(): void {
  if (currentChannel()?.type === ChannelType.Forum) return renderForum();
  keepScrolled(() => {
    for (const node of messagesNode.querySelectorAll('.message:not(.notice)')) node.remove();
    for (const message of state.messages.values()) if (onScreen(message) && isVisible(message)) messagesNode.appendChild(renderMessage(message));
  });
}

/** Shows a playground notice at the bottom (of the forum, when one is on screen). */
export function notice(level: 'error' | 'warning', text: string): void {
  if (currentChannel()?.type === ChannelType.Forum) return void forumNode.appendChild(renderNotice(level, text));
  keepScrolled(() => messagesNode.appendChild(renderNotice(level, text)));
}
