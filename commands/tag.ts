/**
 * /tag: living tags. `show name [target]` posts the tagged paragraph as it reads now in the
 * source, with its citation; `create name passage` and `delete name` are for moderators. A tag
 * stores the paragraph's address, never its text, so it cannot go stale unnoticed.
 */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { viewPassage } from '../src/answer/passage-view.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import { CHOICES_MAX } from '../src/discord/limits.js';
import type { Choice } from '../src/discord/message.js';
import { requireModerator } from '../src/discord/moderator.js';
import { renderPassage } from '../src/discord/render/passage.js';
import { headingChoiceName } from '../src/discord/render/style.js';
import type { Responder } from '../src/discord/respond.js';
import { addressBook, addressOf } from '../src/moderation/address.js';
import { normaliseTagName, TAG_NAME_MAX, TAG_NAME_PATTERN } from '../src/moderation/tag-name.js';

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder()
  .setName('tag')
  .setDescription('Saved paragraphs of the sources, always shown as they read now.')
  .addSubcommand((c) =>
    c
      .setName('show')
      .setDescription('Post a tagged paragraph as it reads now, with its citation.')
      .addStringOption((o) => o.setName('name').setDescription('The tag').setRequired(true).setMaxLength(TAG_NAME_MAX).setAutocomplete(true))
      .addUserOption((o) => o.setName('target').setDescription('Address it to this member (only they are pinged)')),
  )
  .addSubcommand((c) =>
    c
      .setName('create')
      .setDescription('Save a paragraph of the sources as a tag (moderators).')
      .addStringOption((o) => o.setName('name').setDescription(`1–${TAG_NAME_MAX} characters: letters, digits, - and _`).setRequired(true).setMaxLength(TAG_NAME_MAX))
      .addStringOption((o) => o.setName('passage').setDescription('The paragraph (type to search)').setRequired(true).setAutocomplete(true)),
  )
  .addSubcommand((c) =>
    c
      .setName('delete')
      .setDescription('Delete a tag (moderators).')
      .addStringOption((o) => o.setName('name').setDescription('The tag').setRequired(true).setMaxLength(TAG_NAME_MAX).setAutocomplete(true)),
  );

/** Tag names (show, delete) or passages (create) matching what has been typed. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<Choice[]> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'passage') {
    const suggestions = await ctx.service.suggestPassages(focused.value, CHOICES_MAX);
    return suggestions.map((s) => ({ name: headingChoiceName(s.title, s.section, ` ¶${s.paragraph} — ${s.snippet}`), value: s.passageId }));
  }
  if (interaction.guildId === null) return [];
  const names = await ctx.store.tagNames(interaction.guildId, focused.value.trim().toLowerCase(), CHOICES_MAX);
  return names.map((name) => ({ name, value: name }));
}

const guildOf = (interaction: ChatInputCommandInteraction): string => {
  if (interaction.guildId === null) throw new UserFacingError('Tags belong to a server.');
  return interaction.guildId;
};

/** Shows, creates or deletes a tag. */
export async function execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  const sub = interaction.options.getSubcommand();
  const guildId = guildOf(interaction);
  const { store } = ctx;
  const name = normaliseTagName(interaction.options.getString('name') ?? '');
  if (name === undefined) throw new UserFacingError(`A tag name is 1–${TAG_NAME_MAX} characters: ${TAG_NAME_PATTERN}.`);

  if (sub === 'create') {
    requireModerator(interaction, 'create tags');
    const knowledge = ctx.service.index().knowledge;
    const chosen = interaction.options.getString('passage') ?? '';
    const passage = knowledge.passages.find((p) => p.id === chosen);
    if (passage === undefined) throw new UserFacingError('Pick the paragraph from the suggestions (type words from it, then choose one).');
    const created = await store.createTag({ guildId, name, address: addressOf(knowledge, passage), createdByHash: store.hashUser(interaction.user.id), createdAt: ctx.clock() });
    if (!created) throw new UserFacingError(`There is already a tag called \`${name}\`. Delete it first with \`/tag delete\`.`);
    await respond.send({ content: `Saved tag \`${name}\`. \`/tag show name:${name}\` posts this paragraph as it reads at that moment.`, ephemeral: true });
    return {};
  }
  if (sub === 'delete') {
    requireModerator(interaction, 'delete tags');
    if (!(await store.deleteTag(guildId, name))) throw new UserFacingError(`There is no tag called \`${name}\`.`);
    await respond.send({ content: `Deleted tag \`${name}\`.`, ephemeral: true });
    return {};
  }

  const tag = await store.tag(guildId, name);
  if (tag === undefined) throw new UserFacingError(`There is no tag called \`${name}\`. Start typing to see the tags of this server.`);
  const knowledge = ctx.service.index().knowledge;
  // Exactly the saved paragraph, or an error: an edit is followed by /reload (which lists it),
  // never guessed here.
  const resolved = addressBook(knowledge).resolve(tag.address);
  if (resolved.status !== 'same') {
    throw new UserFacingError(
      `The paragraph of tag \`${name}\` was changed or removed since the tag was saved. A moderator can run \`/reload\` to review it, delete the tag, or create it again.`,
    );
  }
  const document = knowledge.documents[resolved.passage.documentIndex];
  if (document === undefined) throw new Error(`passage ${resolved.passage.id} has no document`);
  const target = interaction.options.getUser('target');
  const message = renderPassage(viewPassage(knowledge.root, document, resolved.passage));
  await respond.send({
    ...message,
    ...(target === null ? {} : { content: `<@${target.id}>, this is for you (tag \`${name}\`).`, pingUsers: [target.id] }),
  });
  return { answered: true };
}
