/**
 * A modal the bot opened (interaction callback type 9): its title and text inputs with their
 * labels, length limits and required flags, submitted as a MODAL_SUBMIT interaction. Escape,
 * the ✕ and Cancel close it without sending anything, as on Discord.
 */
import type { DomInput, DomTextArea } from '../browser.js';
import type { ModalInfo } from '../protocol.js';
import { byId, document, el } from './dom.js';
import { send } from './socket.js';
import { state } from './state.js';

const overlay = byId('modal');
const form = byId('modal-form');
const titleNode = byId('modal-title');
const fieldsNode = byId('modal-fields');
let open: { modal: ModalInfo; inputs: Map<string, DomInput | DomTextArea> } | undefined;

function close(): void {
  overlay.hidden = true;
  open = undefined;
}

/** Shows a modal, replacing any open one. */
export function showModal(modal: ModalInfo): void {
  titleNode.textContent = modal.title;
  fieldsNode.replaceChildren();
  const inputs = new Map<string, DomInput | DomTextArea>();
  modal.inputs.forEach((info, k) => {
    const id = `modal-input-${k}`;
    const label = fieldsNode.appendChild(el('label', 'modal-label', info.label));
    label.setAttribute('for', id);
    if (info.required) label.appendChild(el('span', 'required', ' *'));
    const input = info.style === 2 ? el('textarea', 'modal-input') : el('input', 'modal-input');
    input.id = id;
    input.dataset.customId = info.customId;
    input.required = info.required;
    if (info.maxLength !== undefined) input.maxLength = info.maxLength;
    if (info.minLength !== undefined) input.setAttribute('minlength', String(info.minLength));
    if (info.placeholder !== undefined) input.placeholder = info.placeholder;
    if (info.value !== undefined) input.value = info.value;
    fieldsNode.appendChild(input);
    if (info.maxLength !== undefined) fieldsNode.appendChild(el('div', 'modal-limit', `at most ${info.maxLength} characters`));
    inputs.set(info.customId, input);
  });
  open = { modal, inputs };
  overlay.hidden = false;
  [...inputs.values()][0]?.focus();
}

/** Wires the modal's buttons and form; call once. */
export function startModal(): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!open) return;
    const { modal, inputs } = open;
    const fields: Record<string, string> = {};
    for (const [customId, input] of inputs) fields[customId] = input.value;
    send({ type: 'modalSubmit', customId: modal.customId, fields, channelId: modal.channelId, ...(modal.messageId !== undefined ? { messageId: modal.messageId } : {}), user: state.user });
    close();
  });
  byId('modal-cancel').addEventListener('click', close);
  byId('modal-close').addEventListener('click', close);
  document.addEventListener('keydown', (event) => event.key === 'Escape' && !overlay.hidden && close());
}
