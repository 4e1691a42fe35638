/**
 * Who the person acts as: the selector in the header and the user panel. Names read as Discord
 * shows them (the display name), with the role said once.
 */
import type { DomSelect } from '../browser.js';
import type { PlaygroundUser } from '../protocol.js';
import { byId } from './dom.js';
import { avatar } from './messages.js';
import { me, state } from './state.js';

const userSelect = byId<DomSelect>('user-select');

/** The selector's label for a person: `Alice (member)`, `Morgan (moderator)`. */
export function personLabel(name: string, role: PlaygroundUser): string {
  return `${name} (${role})`;
}

/** Shows the current person in the user panel and names the selector's options. */
export function showPeople(): void {
  const hello = state.hello;
  const person = me();
  if (!hello || !person) return;
  const [member, moderator] = userSelect.options;
  if (member) member.textContent = personLabel(hello.users.member.name, 'member');
  if (moderator) moderator.textContent = personLabel(hello.users.moderator.name, 'moderator');
  byId('me-name').textContent = person.name;
  byId('me-role').textContent = state.user === 'moderator' ? `@${person.username} · moderator` : `@${person.username}`;
  byId('me-avatar').replaceWith(Object.assign(avatar(person.id, person.name, 'small'), { id: 'me-avatar' }));
}

/** Wires the selector; `changed` runs after a switch (messages and commands differ per person). */
export function startPeople(changed: () => void): void {
  userSelect.addEventListener('change', () => {
    state.user = userSelect.value === 'moderator' ? 'moderator' : 'member';
    showPeople();
    changed();
  });
}
