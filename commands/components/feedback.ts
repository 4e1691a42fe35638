/**
 * The feedback row under every answer: 👍 and 👎 (one vote per member and answer, changeable; 👎
 * asks what was missing or wrong), and Save as tag for moderators. Votes are stored with the
 * question, the addresses and hashes of the passages the answer showed (not those the question
 * finds now), the channel and the time; the member only as a salted hash. A database that is
 * down costs the vote, never the answer.
 */
import type { ButtonInteraction, Message, ModalSubmitInteraction } from 'discord.js';
import { placeOf } from '../../src/discord/ask-flow.js';
import { passagesNamedByButtons } from '../../src/discord/button-passages.js';
import type { BotContext, HandlerResult } from '../../src/discord/context.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { escapeText } from '../../src/discord/escape.js';
import { passagesShown, recordGap, softly } from '../../src/discord/feedback.js';
import { fieldValue, textModal } from '../../src/discord/modal.js';
import { feedbackId, FEEDBACK_PREFIX } from '../../src/discord/moderation-ids.js';
import { requireModerator } from '../../src/discord/moderator.js';
import { questionOfEmbed } from '../../src/discord/render/answer.js';
import type { Responder } from '../../src/discord/respond.js';
import { addressOf } from '../../src/moderation/address.js';
import { TAG_NAME_PATTERN, normaliseTagName } from '../../src/moderation/tag-name.js';

/** Longest 👎 comment kept. */
export const COMMENT_MAX = 300;

/** The custom_id prefix this module handles. */
export const prefix = FEEDBACK_PREFIX;

/** The question an answer message is for: remembered, else read back from its embed. */
function questionOf(message: Message, ctx: BotContext): string {
  const question = ctx.answers.recall(message.id) ?? questionOfEmbed(message.embeds[0]?.toJSON());
  if (question === undefined) throw new UserFacingError('I no longer know which question this answer was for.');
  return question;
}

/** Records (or changes) a vote; says whether it was stored and what it was before. */
async function vote(interaction: ButtonInteraction, ctx: BotContext, choice: 'up' | 'down'): Promise<{ stored: boolean; before?: 'up' | 'down' }> {
  const place = placeOf(interaction);
  if (place === undefined) return { stored: false };
  const { message } = interaction;
  const question = questionOf(message, ctx);
  let before: 'up' | 'down' | undefined;
  const stored = await softly(ctx, 'vote', async (store) => {
    const voterHash = store.hashUser(interaction.user.id);
    before = (await store.vote(message.id, voterHash))?.vote;
    const cited = await passagesShown(store, ctx.service.index().knowledge, message.id, ctx.answers.shownBy(message.id), passagesNamedByButtons(message));
    await store.recordVote({ ...place, answerMessageId: message.id, voterHash, vote: choice, question, cited, at: ctx.clock() });
  });
  if (stored && choice === 'down' && before !== 'down') await recordGap(ctx, place, question, 'downvoted');
  return before === undefined ? { stored } : { stored, before };
}

/** 👍, 👎 and Save as tag. */
export async function button(interaction: ButtonInteraction, args: readonly string[], respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  const [action] = args;
  if (action === 'up') {
    const { stored, before } = await vote(interaction, ctx, 'up');
    const text = !stored
      ? 'Thanks! I could not save your vote right now; please try again later.'
      : before === 'down'
        ? 'Changed your vote to 👍. Thanks!'
        : 'Thanks for the 👍! (You can change your vote at any time.)';
    await respond.send({ content: text, ephemeral: true });
    return {};
  }
  if (action === 'down') {
    // A modal must be the first response, so it goes out before the vote is written.
    await respond.showModal(
      textModal(feedbackId('why', interaction.message.id), 'What was missing or wrong?', [
        { id: 'comment', label: 'What was missing or wrong? (optional)', long: true, required: false, maxLength: COMMENT_MAX },
      ]),
    );
    await vote(interaction, ctx, 'down');
    return {};
  }
  if (action === 'tag') {
    requireModerator(interaction, 'save answers as tags');
    const [passageId] = passagesNamedByButtons(interaction.message);
    if (passageId === undefined) throw new UserFacingError('This answer cites no passage to save.');
    await respond.showModal(
      textModal(feedbackId('tagname', passageId), 'Save as tag', [
        { id: 'name', label: 'Tag name (letters, digits, - and _)', required: true, maxLength: 32, placeholder: 'e.g. voting-rules' },
      ]),
    );
    return {};
  }
  throw new UserFacingError('This button does not work any more.');
}

/** The 👎 comment and the tag name. */
export async function modal(interaction: ModalSubmitInteraction, args: readonly string[], respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  // Passage ids contain ':' themselves.
  const [action, ...rest] = args;
  const argument = rest.join(':');
  if (action === 'why') {
    // Discord enforces max_length in its client; a crafted submission is cut here, and stored as plain text.
    const comment = fieldValue(interaction.fields, 'comment').slice(0, COMMENT_MAX);
    if (comment === '') {
      await respond.send({ content: 'Thanks for the 👎: it is recorded for the moderators.', ephemeral: true });
      return {};
    }
    const stored = await softly(ctx, 'vote-comment', (store) => store.setVoteComment(argument, store.hashUser(interaction.user.id), comment));
    await respond.send({
      content: stored ? `Thanks, the moderators will see it: “${escapeText(comment)}”` : 'Thanks! I could not save your comment right now; please try again later.',
      ephemeral: true,
    });
    return {};
  }
  if (action === 'tagname') {
    requireModerator(interaction, 'save answers as tags');
    const { store } = ctx;
    const guildId = interaction.guildId;
    if (guildId === null) throw new UserFacingError('Tags belong to a server.');
    const name = normaliseTagName(fieldValue(interaction.fields, 'name'));
    if (name === undefined) throw new UserFacingError(`A tag name is 1–32 characters: ${TAG_NAME_PATTERN}.`);
    const knowledge = ctx.service.index().knowledge;
    const passage = knowledge.passages.find((p) => p.id === argument);
    if (passage === undefined) throw new UserFacingError('That passage is no longer in the sources; ask again and save the new answer.');
    const created = await store.createTag({ guildId, name, address: addressOf(knowledge, passage), createdByHash: store.hashUser(interaction.user.id), createdAt: ctx.clock() });
    if (!created) throw new UserFacingError(`There is already a tag called \`${name}\`. Delete it first with \`/tag delete\`.`);
    await respond.send({ content: `Saved as tag \`${name}\`: \`/tag show name:${name}\` posts this paragraph as it reads at that moment.`, ephemeral: true });
    return {};
  }
  throw new UserFacingError('This form does not work any more.');
}
