/**
 * "Post publicly": re-posts a hidden answer for the whole channel, with a Delete button in
 * place of this one, and says who asked (as Discord's "X used /ask" would). The hidden answer's
 * button is disabled first, so the answer cannot be posted twice. It copies the message shown,
 * so it works after a restart too. The copy is remembered as a posted answer with the passages
 * it shows (for drift notes and votes), as far as they are known (see `rememberPublicCopy`).
 */
import { type APIButtonComponentWithCustomId, type ButtonInteraction, ButtonStyle, ComponentType } from 'discord.js';
import { placeOf } from '../../src/discord/ask-flow.js';
import { passagesNamedByButtons } from '../../src/discord/button-passages.js';
import type { BotContext, HandlerResult } from '../../src/discord/context.js';
import { decodeAskButton, encodeAskButton, type AskButton } from '../../src/discord/custom-id.js';
import { UserFacingError } from '../../src/discord/errors.js';
import type { ButtonSpec } from '../../src/discord/message.js';
import { rememberPublicCopy } from '../../src/discord/public-copy.js';
import { questionOfEmbed } from '../../src/discord/render/answer.js';
import type { Responder } from '../../src/discord/respond.js';

/** The button action this module handles (see custom-id.ts). */
export const action = 'public';

/** The label the hidden answer's button takes once the answer is posted. */
export const POSTED_LABEL = 'Posted publicly';

function isCustomIdButton(component: { type: ComponentType }): component is APIButtonComponentWithCustomId {
  return component.type === ComponentType.Button && 'custom_id' in component;
}

/** The clicked message's buttons, the "Post publicly" one changed by `swap`. */
function mapButtons(interaction: ButtonInteraction, swap: (b: APIButtonComponentWithCustomId) => ButtonSpec): ButtonSpec[][] {
  return interaction.message.components.map((row) => {
    const components = 'components' in row ? row.components.map((c) => c.toJSON()) : [];
    return components.filter(isCustomIdButton).map((b): ButtonSpec => {
      if (decodeAskButton(b.custom_id)?.action === 'public') return swap(b);
      return { customId: b.custom_id, label: b.label ?? '…', style: b.style, ...(b.disabled === true ? { disabled: true } : {}) };
    });
  });
}

/** Posts the answer publicly. */
export async function execute(interaction: ButtonInteraction, button: AskButton, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  if (button.action !== 'public') throw new Error(`post-publicly got a ${button.action} button`);
  if (interaction.user.id !== button.askerId) throw new UserFacingError('Only the person who asked can post this answer.');
  respond.intend({ kind: 'update' });
  const { message } = interaction;
  const embeds = message.embeds.map((e) => e.toJSON());
  if (embeds.length === 0) throw new UserFacingError('There is nothing to post here any more. Please ask again.');
  if (!ctx.answers.claimPost(message.id)) throw new UserFacingError('This answer is already posted for everyone.');
  // First the hidden copy loses its button: a second click finds it disabled.
  await respond.update({
    embeds,
    buttons: mapButtons(interaction, (b) => ({ customId: b.custom_id, label: POSTED_LABEL, style: ButtonStyle.Success, disabled: true })),
    ephemeral: true,
  });
  const copyId = await respond.send({
    // Names the asker without pinging them (nobody is in pingUsers).
    content: `-# Asked by <@${button.askerId}>`,
    embeds,
    buttons: mapButtons(interaction, () => ({ customId: encodeAskButton({ action: 'delete', askerId: button.askerId }), label: 'Delete', style: ButtonStyle.Danger })),
  });
  const question = ctx.answers.recall(message.id) ?? questionOfEmbed(embeds[0]);
  if (question !== undefined) {
    await rememberPublicCopy(ctx, placeOf(interaction), { hiddenId: message.id, copyId, question, namedPassageIds: passagesNamedByButtons(message) });
  }
  return {};
}
