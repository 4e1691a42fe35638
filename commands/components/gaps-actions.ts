/**
 * The gap report's buttons: Previous / Next, Covered (hides a group until it recurs) and Add
 * alias (a modal mapping the member's word to words the documents use; the entry is checked like
 * the aliases file, written atomically, and the knowledge reloaded — or refused with the reason
 * and nothing changed).
 */
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { BotContext, HandlerResult } from '../../src/discord/context.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { escapeText } from '../../src/discord/escape.js';
import { gapGroups, gapReportPage, MAX_GAP_DAYS } from '../../src/discord/gap-report.js';
import { fieldValue, textModal } from '../../src/discord/modal.js';
import { GAPS_PREFIX, gapsId } from '../../src/discord/moderation-ids.js';
import { requireManageServer } from '../../src/discord/moderator.js';
import type { Responder } from '../../src/discord/respond.js';
import { oneLine } from '../../src/discord/render/style.js';
import { truncatePlain } from '../../src/discord/truncate.js';
import { ALIAS_PHRASE_MAX, ALIAS_WORD_MAX, addAlias, restoreAliases } from '../../src/moderation/alias-file.js';

/** The custom_id prefix this module handles. */
export const prefix = GAPS_PREFIX;

const parseDays = (text: string | undefined): number => {
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > MAX_GAP_DAYS) throw new UserFacingError('This button does not work any more. Run `/gaps` again.');
  return days;
};

const guildOf = (interaction: { readonly guildId: string | null }): string => {
  if (interaction.guildId === null) throw new UserFacingError('The gap report belongs to a server.');
  return interaction.guildId;
};

/** Paging, Covered, and opening the Add alias form. */
export async function button(interaction: ButtonInteraction, args: readonly string[], respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  requireManageServer(interaction, 'use the gap report');
  const [action, daysText, argument = ''] = args;
  const days = parseDays(daysText);
  const guildId = guildOf(interaction);
  const { store } = ctx;
  if (action === 'page') {
    respond.intend({ kind: 'update' });
    await respond.update(await gapReportPage(ctx, store, guildId, days, Number(argument) || 0));
    return {};
  }
  if (action === 'cover') {
    respond.intend({ kind: 'update' });
    await store.markGapGroupCovered({ guildId, groupKey: argument, coveredAt: ctx.clock() });
    await respond.update(await gapReportPage(ctx, store, guildId, days, 0));
    return {};
  }
  if (action === 'alias') {
    // The form must be the first response (no time for the store): the word comes from the button.
    const word = wordOnButton(interaction, argument) ?? '';
    await respond.showModal(
      textModal(gapsId('aliasform', days, argument), 'Add an alias', [
        { id: 'word', label: 'The word members use', required: true, maxLength: ALIAS_WORD_MAX, value: word },
        { id: 'means', label: 'Words the documents use (comma-separated)', required: true, maxLength: ALIAS_PHRASE_MAX * 3, placeholder: 'e.g. postal voting, absentee ballot' },
      ]),
    );
    return {};
  }
  throw new UserFacingError('This button does not work any more. Run `/gaps` again.');
}

/** The member's word, from the label of the clicked Add alias button (`2. Add alias for “mail”`). */
function wordOnButton(interaction: ButtonInteraction, key: string): string | undefined {
  for (const row of interaction.message.components) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      if (!('customId' in component) || component.customId === null || !component.customId.endsWith(`:${key}`)) continue;
      const label = 'label' in component ? (component.label ?? '') : '';
      const match = /“(.+)”$/.exec(label);
      if (match?.[1] !== undefined) return match[1];
    }
  }
  return undefined;
}

/** Adds the alias, reloads, and reports which of the group's questions are now answered. */
export async function modal(interaction: ModalSubmitInteraction, args: readonly string[], respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  requireManageServer(interaction, 'add aliases');
  const [action, daysText, key = ''] = args;
  if (action !== 'aliasform') throw new UserFacingError('This form does not work any more.');
  const days = parseDays(daysText);
  const guildId = guildOf(interaction);
  const { store } = ctx;
  await respond.defer(true);
  const request = { word: fieldValue(interaction.fields, 'word'), means: fieldValue(interaction.fields, 'means') };
  const index = ctx.service.index();
  const outcome = await addAlias(ctx.service.knowledgeRoot(), request, (term) => index.documentFrequency.has(term));
  if (!outcome.ok) throw new UserFacingError(`Alias not added, nothing changed: ${escapeText(outcome.reason)}`);
  const reload = await ctx.service.reload();
  if (!reload.ok) {
    // Another file is broken: put the aliases back so the folder is exactly as it was.
    await restoreAliases(outcome);
    throw new UserFacingError(`Alias not added, nothing changed: the knowledge folder has other problems (${escapeText(reload.problems[0] ?? 'unknown')}). Run \`/reload\` to see them.`);
  }
  ctx.logger.info('alias-added', { user: interaction.user.id, word: outcome.word, phrases: outcome.phrases });
  const group = (await gapGroups(store, guildId, days, ctx.clock())).find((g) => g.key === key);
  const lines = [`Added the alias “${escapeText(outcome.word)}” → ${outcome.phrases.map((p) => `“${escapeText(p)}”`).join(', ')} and reloaded the knowledge.`];
  for (const question of group?.examples ?? []) {
    const page = await ctx.service.ask(question, { limit: 1 });
    lines.push(`${page.answer.answered ? '✅ now answered' : '⬜ still not answered'}: ${escapeText(truncatePlain(oneLine(question), 150))}`);
  }
  await respond.send({ content: lines.join('\n'), ephemeral: true });
  return {};
}
