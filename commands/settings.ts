/**
 * /settings (Manage Server): where Footnote answers on its own, how, and from which collections.
 *
 * - `/settings show`: every channel's mode, reply style and collections, forum tags, recent changes.
 * - `/settings auto-answer channel enabled`: answer every new question (forum: every new post), only when confident.
 * - `/settings reply-style channel style`: answer as a reply, or in a thread started from the question.
 * - `/settings collections channel collections`: the collections searched there (`all` resets).
 * - `/settings forum-tag channel tag collections`: the collections searched for posts with a tag.
 *
 * Every change is saved with who made it and when (shown by `show`).
 */
import {
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { completeCollections, knownCollections, parseCollections } from '../src/community/collection-names.js';
import { describeCollections, describeSettings, settingsOrDefault } from '../src/community/settings.js';
import { receivesMessageContent } from '../src/discord/community-events.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import { escapeText } from '../src/discord/escape.js';
import { CHOICE_VALUE_MAX, CHOICES_MAX } from '../src/discord/limits.js';
import type { Choice } from '../src/discord/message.js';
import { renderSettings } from '../src/discord/render/settings.js';
import type { Responder } from '../src/discord/respond.js';
import type { ChannelSettings, SettingsChange } from '../src/store/store.js';

/** Channels Footnote can be set up in: text, announcement and forum channels. */
const CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum] as const;
/** Longest typed collection list. */
const COLLECTIONS_OPTION_MAX = 200;
/** Changes read for `show`. */
const CHANGES_READ = 5;

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder()
  .setName('settings')
  .setDescription('Where and how Footnote answers on its own (server managers).')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => s.setName('show').setDescription('Show every channel’s settings and the latest changes.'))
  .addSubcommand((s) =>
    s
      .setName('auto-answer')
      .setDescription('Answer every new question (forum: every new post) in a channel, only when confident.')
      .addChannelOption((o) => o.setName('channel').setDescription('A text or forum channel').setRequired(true).addChannelTypes(...CHANNEL_TYPES))
      .addBooleanOption((o) => o.setName('enabled').setDescription('On or off').setRequired(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('reply-style')
      .setDescription('Answer as a reply to the question, or in a thread started from it.')
      .addChannelOption((o) => o.setName('channel').setDescription('A text channel').setRequired(true).addChannelTypes(...CHANNEL_TYPES))
      .addStringOption((o) =>
        o.setName('style').setDescription('Reply or thread').setRequired(true).addChoices({ name: 'Reply to the message', value: 'reply' }, { name: 'Start a thread', value: 'thread' }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('collections')
      .setDescription('Which collections (knowledge subfolders) a channel searches.')
      .addChannelOption((o) => o.setName('channel').setDescription('A text or forum channel').setRequired(true).addChannelTypes(...CHANNEL_TYPES))
      .addStringOption((o) =>
        o.setName('collections').setDescription('Comma-separated collection names, or "all"').setRequired(true).setMaxLength(COLLECTIONS_OPTION_MAX).setAutocomplete(true),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('forum-tag')
      .setDescription('Which collections a forum post with this tag searches.')
      .addChannelOption((o) => o.setName('channel').setDescription('A forum channel').setRequired(true).addChannelTypes(ChannelType.GuildForum))
      .addStringOption((o) => o.setName('tag').setDescription('One of the forum’s tags').setRequired(true).setAutocomplete(true))
      .addStringOption((o) =>
        o.setName('collections').setDescription('Comma-separated collection names, or "all" to remove the mapping').setRequired(true).setMaxLength(COLLECTIONS_OPTION_MAX).setAutocomplete(true),
      ),
  );

const collectionsOfKnowledge = async (ctx: BotContext): Promise<string[]> => knownCollections((await ctx.service.documents()).map((d) => d.path));

/** The tags of a forum channel Footnote can see (id → name). */
function forumTags(interaction: ChatInputCommandInteraction | AutocompleteInteraction, channelId: string | undefined): Map<string, string> {
  const channel = channelId === undefined ? undefined : interaction.guild?.channels.cache.get(channelId);
  return new Map(channel?.type === ChannelType.GuildForum ? channel.availableTags.map((t) => [t.id, t.name]) : []);
}

/** Collection names and forum tags, as typed. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<Choice[]> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'tag') {
    const channelId = interaction.options.get('channel')?.value;
    const typed = focused.value.toLowerCase();
    return [...forumTags(interaction, typeof channelId === 'string' ? channelId : undefined)]
      .filter(([, name]) => name.toLowerCase().includes(typed))
      .slice(0, CHOICES_MAX)
      .map(([id, name]) => ({ name, value: id }));
  }
  return completeCollections(focused.value, await collectionsOfKnowledge(ctx))
    .filter((c) => c.length <= CHOICE_VALUE_MAX)
    .slice(0, CHOICES_MAX)
    .map((c) => ({ name: c, value: c }));
}

/** Reads typed collections, or explains which names are unknown. */
async function readCollections(ctx: BotContext, typed: string): Promise<readonly string[]> {
  const known = await collectionsOfKnowledge(ctx);
  const parsed = parseCollections(typed, known);
  if (parsed.ok) return parsed.collections;
  const list = known.length === 0 ? 'The knowledge has no collections (no subfolders).' : `Known collections: ${known.map((k) => `\`${k}\``).join(', ')}, or \`all\`.`;
  throw new UserFacingError(`Unknown collection ${parsed.unknown.map((u) => `“${escapeText(u)}”`).join(', ')}. ${list}`);
}

/** Shows or changes the settings, privately. */
export async function execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  // Server admins can open the command to others in Integrations, so check here too.
  if (!interaction.inGuild() || !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('Only members with the Manage Server permission can change Footnote’s settings.');
  }
  respond.intend({ kind: 'reply', ephemeral: true });
  const guildId = interaction.guildId;
  const subcommand = interaction.options.getSubcommand();
  const messageContent = receivesMessageContent(interaction.client);

  if (subcommand === 'show') {
    const [channels, changes, collections] = await Promise.all([ctx.store.listChannelSettings(guildId), ctx.store.settingsChanges(guildId, CHANGES_READ), collectionsOfKnowledge(ctx)]);
    const forumIds = [...new Set(channels.map((c) => c.channelId))];
    for (const channel of interaction.guild?.channels.cache.values() ?? []) if (channel.type === ChannelType.GuildForum) forumIds.push(channel.id);
    const tags = (await Promise.all([...new Set(forumIds)].map((id) => ctx.store.forumTagCollections(guildId, id)))).flat();
    const tagNames = new Map([...new Set(tags.map((t) => t.channelId))].flatMap((id) => [...forumTags(interaction, id)]));
    await respond.send(renderSettings({ channels, tags, tagNames, changes, messageContent, collections }));
    return {};
  }

  const channel = interaction.options.getChannel('channel', true);
  const now = ctx.clock();
  const change = (what: string): SettingsChange => ({
    guildId,
    actorName: interaction.user.globalName ?? interaction.user.username,
    actorHash: ctx.store.hashUser(interaction.user.id),
    change: `#${channel.name ?? channel.id}: ${what}`,
    at: now,
  });

  if (subcommand === 'forum-tag') {
    const tagId = interaction.options.getString('tag', true);
    const tagName = forumTags(interaction, channel.id).get(tagId);
    if (tagName === undefined) throw new UserFacingError('Pick one of the forum’s tags from the suggestions.');
    const collections = await readCollections(ctx, interaction.options.getString('collections', true));
    await ctx.store.saveForumTagCollections({ guildId, channelId: channel.id, tagId, collections }, change(`tag ${tagName} → ${describeCollections(collections)}`));
    await respond.send({ content: `Saved: posts tagged **${escapeText(tagName)}** in <#${channel.id}> search ${describeCollections(collections).replace('collections: ', '')}.`, ephemeral: true });
    return {};
  }

  const current = settingsOrDefault(await ctx.store.channelSettings(guildId, channel.id), guildId, channel.id);
  let next: ChannelSettings;
  let what: string;
  switch (subcommand) {
    case 'auto-answer': {
      const enabled = interaction.options.getBoolean('enabled', true);
      next = { ...current, autoAnswer: enabled };
      what = `auto-answer ${enabled ? 'on' : 'off'}`;
      break;
    }
    case 'reply-style': {
      const style = interaction.options.getString('style', true) === 'thread' ? 'thread' : 'reply';
      next = { ...current, replyStyle: style };
      what = style === 'thread' ? 'answers in threads' : 'answers as replies';
      break;
    }
    case 'collections': {
      const collections = await readCollections(ctx, interaction.options.getString('collections', true));
      next = { ...current, collections };
      what = describeCollections(collections);
      break;
    }
    default:
      throw new UserFacingError(`I do not know \`/settings ${subcommand}\`.`);
  }
  await ctx.store.saveChannelSettings({ ...next, updatedAt: now }, change(what));
  const lines = [`Saved: <#${channel.id}>: ${describeSettings(next)}.`];
  if (next.autoAnswer && channel.type !== ChannelType.GuildForum && !messageContent) {
    lines.push(
      '⚠️ Discord does not send me message text yet (the Message Content intent), so I cannot auto-answer here: whoever runs Footnote must enable it in the developer portal and restart me (see the README). Mentions still work.',
    );
  }
  await respond.send({ content: lines.join('\n'), ephemeral: true });
  return {};
}
