/**
 * Request-body checks that mirror Discord's: a broken limit throws 50035 Invalid Form Body
 * with Discord's nested `_errors` tree, an empty message throws 50006.
 * All numbers come from `limits.ts`.
 */
import { Errors, FormErrors } from './errors.js';
import * as L from './limits.js';

type Path = readonly (string | number)[];

/** Narrows unknown JSON to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function checkLength(errors: FormErrors, path: Path, value: unknown, max: number, required = false): number {
  const s = text(value);
  if (s === undefined || s.length === 0) {
    if (required) errors.required(path);
    return 0;
  }
  if (s.length > max) errors.maxLength(path, max);
  return s.length;
}

/** Options for {@link validateMessage}. */
export interface MessageCheck {
  /** Where the message sits in the request body: `['data']` for interaction callbacks, `[]` otherwise. */
  prefix?: Path;
  /** Reject a message without content, embeds, components, files or stickers (50006). Default true. */
  requireSomething?: boolean;
  /** Number of uploaded files that came with the request (multipart). */
  fileCount?: number;
}

/**
 * Checks a message create/edit payload (content, embeds, components) against Discord's limits.
 * Throws {@link ApiError} 50035 or 50006; returns normally when the payload is acceptable.
 */
export function validateMessage(body: unknown, check: MessageCheck = {}): void {
  const prefix = check.prefix ?? [];
  const msg = isRecord(body) ? body : {};
  const errors = new FormErrors();

  checkLength(errors, [...prefix, 'content'], msg.content, L.MESSAGE_CONTENT_MAX);
  if (Array.isArray(msg.embeds)) checkEmbeds(errors, [...prefix, 'embeds'], msg.embeds);
  const flags = typeof msg.flags === 'number' ? msg.flags : 0;
  if (Array.isArray(msg.components)) {
    if (flags & L.MessageFlag.IsComponentsV2) checkCustomIds(errors, [...prefix, 'components'], msg.components);
    else checkActionRows(errors, [...prefix, 'components'], msg.components);
  }
  errors.throwIfAny();

  if ((check.requireSomething ?? true) && isEmptyMessage(msg, check.fileCount ?? 0)) throw Errors.emptyMessage();
}

/** True when a message payload would show nothing at all. */
export function isEmptyMessage(msg: Record<string, unknown>, fileCount = 0): boolean {
  const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
  return (
    (text(msg.content) ?? '').trim() === '' &&
    !nonEmpty(msg.embeds) &&
    !nonEmpty(msg.components) &&
    !nonEmpty(msg.attachments) &&
    !nonEmpty(msg.sticker_ids) &&
    msg.poll === undefined &&
    fileCount === 0
  );
}

function checkEmbeds(errors: FormErrors, path: Path, embeds: unknown[]): void {
  if (embeds.length > L.EMBEDS_PER_MESSAGE_MAX) errors.maxLength(path, L.EMBEDS_PER_MESSAGE_MAX);
  let total = 0;
  embeds.forEach((raw, i) => {
    const embed = isRecord(raw) ? raw : {};
    const at = [...path, i];
    total += checkLength(errors, [...at, 'title'], embed.title, L.EMBED_TITLE_MAX);
    total += checkLength(errors, [...at, 'description'], embed.description, L.EMBED_DESCRIPTION_MAX);
    if (isRecord(embed.footer)) total += checkLength(errors, [...at, 'footer', 'text'], embed.footer.text, L.EMBED_FOOTER_TEXT_MAX, true);
    if (isRecord(embed.author)) total += checkLength(errors, [...at, 'author', 'name'], embed.author.name, L.EMBED_AUTHOR_NAME_MAX, true);
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > L.EMBED_FIELDS_MAX) errors.maxLength([...at, 'fields'], L.EMBED_FIELDS_MAX);
    fields.forEach((rawField, j) => {
      const field = isRecord(rawField) ? rawField : {};
      total += checkLength(errors, [...at, 'fields', j, 'name'], field.name, L.EMBED_FIELD_NAME_MAX, true);
      total += checkLength(errors, [...at, 'fields', j, 'value'], field.value, L.EMBED_FIELD_VALUE_MAX, true);
    });
  });
  if (total > L.EMBED_TOTAL_CHARACTERS_MAX) {
    errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${L.EMBED_TOTAL_CHARACTERS_MAX}`);
  }
}

function checkActionRows(errors: FormErrors, path: Path, rows: unknown[]): void {
  if (rows.length > L.ACTION_ROWS_MAX) errors.badLength(path, 1, L.ACTION_ROWS_MAX);
  rows.forEach((raw, i) => {
    const row = isRecord(raw) ? raw : {};
    const children = Array.isArray(row.components) ? row.components : [];
    if (row.type !== 1) errors.add([...path, i], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
    if (children.length < 1 || children.length > L.COMPONENTS_PER_ROW_MAX) {
      errors.badLength([...path, i, 'components'], 1, L.COMPONENTS_PER_ROW_MAX);
    }
    children.forEach((child, j) => checkComponent(errors, [...path, i, 'components', j], child));
  });
}

function checkComponent(errors: FormErrors, path: Path, raw: unknown): void {
  const c = isRecord(raw) ? raw : {};
  if (c.type === 2) {
    checkLength(errors, [...path, 'label'], c.label, L.BUTTON_LABEL_MAX);
    if (c.style === 5) {
      const url = text(c.url) ?? '';
      if (!/^https?:\/\/\S+$/i.test(url)) errors.add([...path, 'url'], 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
      return;
    }
    if (c.style === 6) return; // premium button: sku_id instead of custom_id
  }
  checkLength(errors, [...path, 'custom_id'], c.custom_id, L.CUSTOM_ID_MAX, c.type !== 10 && c.type !== 14);
}

/** Components V2 layouts nest freely; the fake only checks custom_id lengths there. */
function checkCustomIds(errors: FormErrors, path: Path, components: unknown[]): void {
  components.forEach((raw, i) => {
    if (!isRecord(raw)) return;
    if (raw.custom_id !== undefined) checkLength(errors, [...path, i, 'custom_id'], raw.custom_id, L.CUSTOM_ID_MAX);
    if (Array.isArray(raw.components)) checkCustomIds(errors, [...path, i, 'components'], raw.components);
  });
}

/** Checks an autocomplete (callback type 8) `data` object: ≤ 25 choices, names 1–100, string values ≤ 100. */
export function validateAutocompleteChoices(data: unknown): void {
  const errors = new FormErrors();
  const choices = isRecord(data) && Array.isArray(data.choices) ? data.choices : undefined;
  const path = ['data', 'choices'];
  if (!choices) {
    errors.required(path);
  } else {
    if (choices.length > L.AUTOCOMPLETE_CHOICES_MAX) errors.maxLength(path, L.AUTOCOMPLETE_CHOICES_MAX);
    choices.forEach((raw, i) => {
      const choice = isRecord(raw) ? raw : {};
      const name = text(choice.name) ?? '';
      if (name.length < L.CHOICE_NAME_MIN || name.length > L.CHOICE_NAME_MAX) {
        errors.badLength([...path, i, 'name'], L.CHOICE_NAME_MIN, L.CHOICE_NAME_MAX);
      }
      if (typeof choice.value === 'string') checkLength(errors, [...path, i, 'value'], choice.value, L.CHOICE_STRING_VALUE_MAX);
      else if (typeof choice.value !== 'number') errors.required([...path, i, 'value']);
    });
  }
  errors.throwIfAny();
}

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Checks a bulk-overwrite list of application commands (names, descriptions, option counts). */
export function validateCommands(commands: unknown): void {
  const errors = new FormErrors();
  if (!Array.isArray(commands)) {
    errors.add([], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
  } else {
    if (commands.length > L.COMMANDS_PER_SCOPE_MAX) errors.maxLength([], L.COMMANDS_PER_SCOPE_MAX);
    commands.forEach((raw, i) => {
      const cmd = isRecord(raw) ? raw : {};
      checkCommand(errors, [i], cmd, cmd.type ?? 1);
    });
  }
  errors.throwIfAny();
}

function checkCommand(errors: FormErrors, path: Path, cmd: Record<string, unknown>, type: unknown): void {
  const name = text(cmd.name) ?? '';
  if (type === 1) {
    if (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
      errors.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    const description = text(cmd.description) ?? '';
    if (description.length < 1 || description.length > L.COMMAND_DESCRIPTION_MAX) {
      errors.badLength([...path, 'description'], 1, L.COMMAND_DESCRIPTION_MAX);
    }
  } else if (name.length < 1 || name.length > L.COMMAND_NAME_MAX) {
    errors.badLength([...path, 'name'], 1, L.COMMAND_NAME_MAX);
  }
  const options = Array.isArray(cmd.options) ? cmd.options : [];
  if (options.length > L.COMMAND_OPTIONS_MAX) errors.maxLength([...path, 'options'], L.COMMAND_OPTIONS_MAX);
  options.forEach((raw, j) => checkCommand(errors, [...path, 'options', j], isRecord(raw) ? raw : {}, 1));
  const choices = Array.isArray(cmd.choices) ? cmd.choices : [];
  if (choices.length > L.AUTOCOMPLETE_CHOICES_MAX) errors.maxLength([...path, 'choices'], L.AUTOCOMPLETE_CHOICES_MAX);
}

/**
 * Checks a modal (callback type 9): custom_id and title required (title ≤ 45), 1–5 action rows of
 * one text input each (custom_id ≤ 100, label 1–45, style 1 or 2, max_length ≤ 4000, a value no
 * longer than its max_length). Errors are under `data.`, like Discord's.
 */
export function validateModal(data: unknown): void {
  const errors = new FormErrors();
  const modal = isRecord(data) ? data : {};
  if (typeof modal.custom_id !== 'string') errors.required(['data', 'custom_id']);
  else if (modal.custom_id.length > L.CUSTOM_ID_MAX) errors.maxLength(['data', 'custom_id'], L.CUSTOM_ID_MAX);
  if (typeof modal.title !== 'string') errors.required(['data', 'title']);
  else if (modal.title.length > L.MODAL_TITLE_MAX) errors.maxLength(['data', 'title'], L.MODAL_TITLE_MAX);
  const rows = Array.isArray(modal.components) ? modal.components : [];
  if (rows.length < 1 || rows.length > L.MODAL_ROWS_MAX) errors.badLength(['data', 'components'], 1, L.MODAL_ROWS_MAX);
  rows.forEach((row: unknown, r: number) => {
    const inputs = isRecord(row) && Array.isArray(row.components) ? row.components : [];
    if (inputs.length !== 1) errors.badLength(['data', 'components', r, 'components'], 1, 1);
    inputs.forEach((input: unknown, c: number) => {
      const at = ['data', 'components', r, 'components', c];
      const i = isRecord(input) ? input : {};
      if (i.type !== 4) errors.add([...at, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {4}.');
      if (typeof i.custom_id !== 'string' || i.custom_id.length > L.CUSTOM_ID_MAX) errors.maxLength([...at, 'custom_id'], L.CUSTOM_ID_MAX);
      if (typeof i.label !== 'string' || i.label.length < 1 || i.label.length > L.TEXT_INPUT_LABEL_MAX) errors.badLength([...at, 'label'], 1, L.TEXT_INPUT_LABEL_MAX);
      if (i.style !== 1 && i.style !== 2) errors.add([...at, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2}.');
      const max = typeof i.max_length === 'number' ? i.max_length : L.TEXT_INPUT_VALUE_MAX;
      if (max < 1 || max > L.TEXT_INPUT_VALUE_MAX) errors.add([...at, 'max_length'], 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${L.TEXT_INPUT_VALUE_MAX}.`);
      if (typeof i.value === 'string' && i.value.length > max) errors.maxLength([...at, 'value'], max);
    });
  });
  errors.throwIfAny();
}
