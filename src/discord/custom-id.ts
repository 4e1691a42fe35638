/**
 * The custom_ids of the answer buttons. They carry what a click needs (an offset, a passage id,
 * who asked) so the buttons keep working after a restart; each fits in Discord's 100 characters.
 */
import { CUSTOM_ID_MAX } from './limits.js';

/** What an answer button does. */
export type AskButton =
  | { readonly action: 'more'; readonly passageId: string }
  | { readonly action: 'next'; readonly offset: number; readonly askerId: string }
  | { readonly action: 'delete'; readonly askerId: string }
  | { readonly action: 'public'; readonly askerId: string };

/** First segment of every answer button's custom_id. */
const ASK_BUTTON_PREFIX = 'ask';

const SNOWFLAKE = /^\d{1,20}$/;
/** Pages beyond this are not offered (and not accepted from a custom_id). */
export const MAX_OFFSET = 999;

/**
 * The custom_id of a button; throws if it would exceed {@link CUSTOM_ID_MAX} (a bug).
 *
 * @example encodeAskButton({ action: 'next', offset: 3, askerId: '123' }) // 'ask:next:3:123'
 */
export function encodeAskButton(button: AskButton): string {
  const parts: (string | number)[] = [ASK_BUTTON_PREFIX, button.action];
  if (button.action === 'more') parts.push(button.passageId);
  else if (button.action === 'next') parts.push(button.offset, button.askerId);
  else parts.push(button.askerId);
  const id = parts.join(':');
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id would be ${id.length} characters (max ${CUSTOM_ID_MAX})`);
  return id;
}

/**
 * Reads a custom_id back; undefined for anything that is not a well-formed answer button.
 *
 * @example decodeAskButton('ask:more:doc:ab12') // { action: 'more', passageId: 'doc:ab12' }
 */
export function decodeAskButton(customId: string): AskButton | undefined {
  const [prefix, action, ...rest] = customId.split(':');
  if (prefix !== ASK_BUTTON_PREFIX) return undefined;
  const [a, b] = rest;
  switch (action) {
    case 'more': {
      const passageId = rest.join(':');
      return passageId === '' ? undefined : { action, passageId };
    }
    case 'next': {
      const offset = Number(a);
      const valid = rest.length === 2 && /^\d{1,3}$/.test(a ?? '') && offset <= MAX_OFFSET && SNOWFLAKE.test(b ?? '');
      return valid ? { action, offset, askerId: b! } : undefined;
    }
    case 'delete':
    case 'public':
      return rest.length === 1 && SNOWFLAKE.test(a ?? '') ? { action, askerId: a! } : undefined;
    default:
      return undefined;
  }
}
