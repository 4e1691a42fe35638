/**
 * Which passages an answer message names on its own buttons: what a click can learn from the
 * message itself when the bot no longer remembers it (after a restart, say).
 */
import type { Message } from 'discord.js';
import { decodeAskButton } from './custom-id.js';

/**
 * The passages an answer message's buttons name: More context's, which is the first excerpt's.
 * The other excerpts are named nowhere on the message (a custom_id has room for one passage id).
 *
 * @example passagesNamedByButtons(interaction.message) // ['rules:2a2b0bdf98']
 */
export function passagesNamedByButtons(message: Pick<Message, 'components'>): string[] {
  const ids: string[] = [];
  for (const row of message.components) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      const customId = 'customId' in component ? component.customId : null;
      const button = customId === null ? undefined : decodeAskButton(customId);
      if (button?.action === 'more') ids.push(button.passageId);
    }
  }
  return ids;
}
