/**
 * The composer: slash-command names and the bot's autocomplete choices in a popup, the option
 * hint, and sending. As in Discord, the popup only picks while a command name or an option is
 * being chosen: once the command is chosen or typed in full, Enter sends.
 */
import type { DomTextArea } from '../browser.js';
import type { ChoiceInfo, CommandOptionInfo, PickedChoice } from '../protocol.js';
import { byId, el, window } from './dom.js';
import { send } from './socket.js';
import { state, visibleCommands } from './state.js';

/** Wait after a keystroke before asking the bot for suggestions. */
const AUTOCOMPLETE_DEBOUNCE_MS = 120;

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
  /** True once the person moved through the list with the arrow keys (then Enter picks a choice). */
  navigated: false,
  mode: 'none' as 'none' | 'commands' | 'choices',
  seq: 0,
  timer: undefined as number | undefined,
  picked: [] as PickedChoice[],
  /** Text for which no suggestions should be asked (just picked). */
  quiet: undefined as string | undefined,
};

/** `/name` being typed (no space after it yet), or undefined. */
const typingCommandName = (text: string): string | undefined => /^\s*\/(\S*)$/.exec(text)?.[1]?.toLowerCase();

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
  const head = /^\s*\/(\S+)\s+(\S*)/.exec(input.value);
  const found = head && visibleCommands(1).find((c) => c.name === head[1]!.toLowerCase());
  if (!found) return;
  let command: { name: string; description: string; options: readonly CommandOptionInfo[] } = found;
  if (found.subcommands) {
    const sub = found.subcommands.find((s) => s.name === head[2]!.toLowerCase());
    if (!sub) {
      // As on Discord, a command with subcommands needs one first.
      hint.appendChild(el('span', 'opt', `/${found.name}`));
      for (const s of found.subcommands) hint.appendChild(el('span', 'opt required', s.name)).title = s.description;
      return;
    }
    command = { ...sub, name: `${found.name} ${sub.name}` };
  }
  hint.appendChild(el('span', 'opt', `/${command.name}`));
  for (const option of command.options) {
    const node = hint.appendChild(el('span', option.required ? 'opt required' : 'opt', `${option.name}:`));
    node.title = option.description;
    if (new RegExp(`(^|\\s)${option.name}:`, 'i').test(input.value)) node.classList.add('current');
  }
  hint.appendChild(el('span', undefined, `— ${command.description}`));
}

/** Chooses a command: its name and a space, ready for the options. */
function pickCommand(name: string): void {
  setText(`/${name} `);
  suggest();
}

/** What to suggest for the text as typed: command names, or ask the bot (autocomplete). */
function suggest(): void {
  const text = input.value;
  window.clearTimeout(composer.timer);
  const typed = typingCommandName(text);
  if (typed !== undefined) {
    const matches = visibleCommands(1).filter((c) => c.name.startsWith(typed));
    if (matches.length === 0) return hidePopup();
    showPopup(
      'commands',
      'Commands',
      matches.flatMap((c) =>
        c.subcommands
          ? c.subcommands.map((sub) => ({ name: `/${c.name} ${sub.name}`, description: sub.description, pick: () => pickCommand(`${c.name} ${sub.name}`) }))
          : [{ name: `/${c.name}`, description: c.description, pick: () => pickCommand(c.name) }],
      ),
    );
    return;
  }
  // The command is chosen: its name list must not stay open to catch the next Enter.
  if (composer.mode === 'commands') hidePopup();
  if (!/^\s*\/\S+\s/.test(text) || text === composer.quiet) return hidePopup();
  composer.timer = window.setTimeout(() => {
    composer.seq += 1;
    send({ type: 'autocomplete', seq: composer.seq, text, user: state.user, channelId: state.current });
  }, AUTOCOMPLETE_DEBOUNCE_MS);
}

/** Shows the bot's choices for the option being typed (if they are for the latest text). */
export function showChoices(seq: number, option: string | undefined, choices: readonly ChoiceInfo[] | null): void {
  if (seq !== composer.seq) return;
  if (choices === null || option === undefined) return hidePopup();
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
  send({ type: 'send', text, user: state.user, picked: composer.picked, channelId: state.current });
  composer.picked = [];
  composer.quiet = undefined;
  window.clearTimeout(composer.timer);
  composer.seq += 1; // late suggestions for the old text are ignored
  hidePopup();
  setText('');
}

/** What Enter does: pick from the popup while a name or a navigated choice is being chosen, else send. */
function onEnter(): void {
  const open = composer.mode !== 'none' && composer.items.length > 0;
  const typed = typingCommandName(input.value);
  const exact = typed !== undefined && visibleCommands(1).some((c) => c.name === typed);
  if (open && composer.mode === 'commands' && typed !== undefined && !exact) return composer.items[composer.active]?.pick();
  if (open && composer.mode === 'choices' && composer.navigated) return composer.items[composer.active]?.pick();
  submit();
}

/** Wires the composer's keys and events; call once. */
export function startComposer(): void {
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
    onEnter();
  });
  input.addEventListener('blur', () => window.setTimeout(hidePopup, 150));
  byId('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
}

/** Puts the cursor in the composer. */
export function focusComposer(): void {
  input.focus();
}

/** Shows the channel's name in the composer's placeholder (as Discord does). */
export function setPlaceholder(text: string): void {
  input.placeholder = text;
  input.setAttribute('aria-label', text);
}
