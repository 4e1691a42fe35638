/**
 * The collections an interaction searches: those of the channel (or forum post) it was used in,
 * so /ask, /search, /source, /sources and the answer buttons see what mentions there see.
 */
import type { Interaction } from 'discord.js';
import { collectionsFor } from '../community/collections.js';
import type { Place } from '../community/place.js';
import type { Store } from '../store/store.js';
import { placeOf } from './community-events.js';

/**
 * The collections searched for an interaction; empty (everything) outside a server.
 *
 * @example await collectionsOfInteraction(store, interaction) // ['modding'] in a channel mapped to modding
 */
export async function collectionsOfInteraction(store: Pick<Store, 'channelSettings' | 'forumTagCollections'>, interaction: Interaction): Promise<readonly string[]> {
  if (!interaction.inGuild() || interaction.channelId === null) return [];
  const channel = interaction.channel;
  // An uncached channel is taken as a text channel: its own mapping still applies.
  const place: Place = (channel && placeOf(channel, interaction.guildId, interaction.client.user.id)) ?? { guildId: interaction.guildId, channelId: interaction.channelId, kind: 'text' };
  return collectionsFor(store, place);
}
