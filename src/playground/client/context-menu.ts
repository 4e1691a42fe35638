/**
 * Right-click a message → Apps → the bot's message commands (Find sources), as on Discord.
 */
import type { DomElement } from '../browser.js';
import { byId, document, el, window } from './dom.js';
import { send } from './socket.js';
import { state, visibleCommands } from './state.js';

const menu = byId('context-menu');

function closeMenu(): void {
  menu.hidden = true;
  menu.replaceChildren();
}

/** Wires the menu to the message list; call once. */
export function startContextMenu(messagesNode: DomElement): void {
  messagesNode.addEventListener('contextmenu', (event) => {
    const target = (event.target as DomElement).closest('.message[data-id]');
    const apps = visibleCommands(3);
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
    menu.style.left = `${Math.max(0, Math.min(event.clientX, window.innerWidth - menu.offsetWidth - 8))}px`;
    menu.style.top = `${Math.max(0, Math.min(event.clientY, window.innerHeight - menu.offsetHeight - 8))}px`;
    menu.querySelector('.menu-item')?.focus();
  });
  document.addEventListener('click', (event) => {
    if (!menu.contains(event.target)) closeMenu();
  });
  document.addEventListener('keydown', (event) => event.key === 'Escape' && closeMenu());
  messagesNode.addEventListener('scroll', closeMenu);
}
