/**
 * Modals (forms) as plain data, with Discord's limits applied in one place: a title of at most 45
 * characters, one to five text inputs, labels of at most 45, values of at most 4,000.
 */
import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from 'discord.js';
import { truncatePlain } from './truncate.js';

/** Modal title. */
export const MODAL_TITLE_MAX = 45;
/** Text inputs per modal. */
export const MODAL_INPUTS_MAX = 5;
/** Text input label. */
export const TEXT_INPUT_LABEL_MAX = 45;
/** Text input placeholder. */
export const TEXT_INPUT_PLACEHOLDER_MAX = 100;
/** Text input value and max_length. */
export const TEXT_INPUT_VALUE_MAX = 4000;

/** One text input of a modal. */
export interface TextInputSpec {
  readonly id: string;
  readonly label: string;
  readonly long?: boolean;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly value?: string;
  readonly placeholder?: string;
}

/**
 * A modal of text inputs, fitted to Discord's limits.
 *
 * @example textModal('fb:why:1', 'What was missing or wrong?', [{ id: 'comment', label: 'Tell us', long: true }]).title
 */
export function textModal(customId: string, title: string, inputs: readonly TextInputSpec[]): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title: truncatePlain(title, MODAL_TITLE_MAX),
    components: inputs.slice(0, MODAL_INPUTS_MAX).map((input) => {
      const maxLength = Math.min(input.maxLength ?? TEXT_INPUT_VALUE_MAX, TEXT_INPUT_VALUE_MAX);
      return {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: input.id,
            label: truncatePlain(input.label, TEXT_INPUT_LABEL_MAX),
            style: input.long === true ? TextInputStyle.Paragraph : TextInputStyle.Short,
            required: input.required ?? false,
            max_length: maxLength,
            ...(input.value === undefined || input.value === '' ? {} : { value: input.value.slice(0, maxLength) }),
            ...(input.placeholder === undefined ? {} : { placeholder: truncatePlain(input.placeholder, TEXT_INPUT_PLACEHOLDER_MAX) }),
          },
        ],
      };
    }),
  };
}

/** A text input's value from a submitted modal, trimmed ('' when absent). */
export function fieldValue(fields: { getTextInputValue(id: string): string }, id: string): string {
  try {
    return fields.getTextInputValue(id).trim();
  } catch {
    return ''; // discord.js throws for a field the submission does not carry (an optional one left out)
  }
}
