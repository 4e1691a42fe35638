/**
 * "Delete": removes a public answer; only the person who asked or a moderator may.
 */
import { type ButtonInteraction, PermissionFlagsBits } from 'discord.js';
import type { BotContext, HandlerResult } from '../../src/discord/context.js';
import type { AskButton } from '../../src/discord/custom-id.js';
import { UserFacingError } from '../../src/discord/errors.js';
import type { Responder } from '../../src/discord/respond.js';

/** The button action this module handles (see custom-id.ts). */
export const action = 'delete';

/** Deletes the answer, or refuses privately. */
export async function execute(interaction: ButtonInteraction, button: AskButton, respond: Responder, _ctx: BotContext): Promise<HandlerResult> {
  if (button.action !== 'delete') throw new Error(`delete-answer got a ${button.action} button`);
  const moderator = interaction.memberPermissions?.any([PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ManageGuild]) ?? false;
  if (interaction.user.id !== button.askerId && !moderator) {
    throw new UserFacingError('Only the person who asked, or a moderator, can delete this answer.');
  }
  respond.intend({ kind: 'update' });
  await respond.deleteClickedMessage();
  return {};
}
