/**
 * "Post publicly": re-posts a hidden answer for the whole channel, with a Delete button in
 * place of this one. It copies the message shown, so it works after a restart too.
 */
import { type APIButtonComponentWithCustomId, type ButtonInteraction, ButtonStyle, ComponentType } from 'discord.js';
import type { BotContext, HandlerResult } from '../../src/discord/context.js';
import { decodeAskButton, encodeAskButton, type AskButton } from '../../src/discord/custom-id.js';
import { UserFacingError } from '../../src/discord/errors.js';
import type { ButtonSpec } from '../../src/discord/message.js';
import { questionOfEmbed } from '../../src/discord/render/answer.js';
import type { Responder } from '../../src/discord/respond.js';

/** The button action this module handles (see custom-id.ts). */
export const action = 'public';

function isCustomIdButton(component: { type: ComponentType }): component is APIButtonComponentWithCustomId {
  return component.type === ComponentType.Button && 'custom_id' in component;
}

/** The clicked message's buttons, with "Post publicly" turned into "Delete". */
function publicButtons(interaction: ButtonInteraction, askerId: string): ButtonSpec[][] {
  return interaction.message.components.map((row) => {
    const components = 'components' in row ? row.components.map((c) => c.toJSON()) : [];
    return components.filter(isCustomIdButton).map((b): ButtonSpec => {
      if (decodeAskButton(b.custom_id)?.action === 'public') {
        return { customId: encodeAskButton({ action: 'delete', askerId }), label: 'Delete', style: ButtonStyle.Danger };
      }
      return { customId: b.custom_id, label: b.label ?? '…', style: b.style, ...(b.disabled === true ? { disabled: true } : {}) };
    });
  });
}

/** Posts the answer publicly. */
export async function execute(interaction: ButtonInteraction, button: AskButton, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  if (button.action !== 'public') throw new Error(`post-publicly got a ${button.action} button`);
  if (interaction.user.id !== button.askerId) throw new UserFacingError('Only the person who asked can post this answer.');
  respond.intend({ kind: 'reply', ephemeral: false });
  const { message } = interaction;
  const embeds = message.embeds.map((e) => e.toJSON());
  if (embeds.length === 0) throw new UserFacingError('There is nothing to post here any more. Please ask again.');
  const messageId = await respond.send({ embeds, buttons: publicButtons(interaction, button.askerId) });
  const question = ctx.answers.recall(message.id) ?? questionOfEmbed(embeds[0]);
  if (question !== undefined) ctx.answers.remember(messageId, question);
  return {};
}
