/**
 * A forum channel as Discord shows it: a form to start a post (title and first message) above
 * the list of posts, newest first; a post opens as a thread.
 */
import type { DomInput, DomTextArea } from '../browser.js';
import { byId, el, str } from './dom.js';
import { send } from './socket.js';
import { ChannelType, currentChannel, personName, state } from './state.js';

/** The forum's node (shown instead of the message list). */
export const forumNode = byId('forum');
const postsNode = byId('forum-posts');
const titleInput = byId<DomInput>('post-title');
const textInput = byId<DomTextArea>('post-text');
/** Longest snippet of a post's first message in the list. */
const SNIPPET_MAX = 140;

/** Draws the list of posts of the forum on screen. */
export function renderForum(): void {
  const forum = currentChannel();
  if (forum?.type !== ChannelType.Forum) return;
  const posts = [...state.channels.values()].filter((c) => c.parentId === forum.id).reverse();
  postsNode.replaceChildren();
  if (posts.length === 0) postsNode.appendChild(el('p', 'forum-empty', 'No posts yet. Ask the first question above.'));
  for (const post of posts) {
    const inThread = [...state.messages.values()].filter((m) => str(m.channel_id) === post.id);
    const first = inThread[0];
    const card = postsNode.appendChild(el('button', 'post'));
    card.type = 'button';
    card.dataset.open = post.id;
    card.appendChild(el('span', 'post-title', post.name));
    const author = personName(str((first?.author as { id?: unknown } | undefined)?.id));
    const snippet = (str(first?.content) ?? '').slice(0, SNIPPET_MAX);
    card.appendChild(el('span', 'post-snippet', author ? `${author}: ${snippet}` : snippet));
    const replies = Math.max(0, inThread.length - 1);
    card.appendChild(el('span', 'post-replies', replies === 1 ? '1 message' : `${replies} messages`));
  }
}

/** Wires the new-post form; call once. */
export function startForum(): void {
  byId('post-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const forum = currentChannel();
    const title = titleInput.value.trim();
    const text = textInput.value.trim();
    if (forum?.type !== ChannelType.Forum || title === '' || text === '') return;
    send({ type: 'post', forumId: forum.id, title, text, user: state.user });
    titleInput.value = '';
    textInput.value = '';
  });
}
