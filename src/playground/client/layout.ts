/**
 * Narrow screens: the server and channel lists collapse behind a button in the channel header,
 * as in Discord's mobile layout, so the chat takes the whole width.
 */
import { byId, document } from './dom.js';

/** Wires the sidebar button; call once. */
export function startLayout(): void {
  const app = byId('app');
  const toggle = byId('nav-toggle');
  const setOpen = (open: boolean): void => {
    app.classList.toggle('nav-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(!app.classList.contains('nav-open')));
  byId('nav-scrim').addEventListener('click', () => setOpen(false));
  document.addEventListener('keydown', (event) => event.key === 'Escape' && setOpen(false));
}
