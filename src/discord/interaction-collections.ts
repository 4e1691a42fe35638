/**
 * The collections an interaction searches: those of the channel (or forum post) it was used in,
 * so /ask, /search, /source, /sources and the answer buttons see what mentions there see.
 */
import type { Interaction } from 'discord.js';
import { collectionsOrEverything } from '../community/collections.js';
import type { Place } from '../community/place.js';
import type { Store } from '../store/store.js';
import { placeOf } from './community-events.js';

/**
 * The collections searched for an interaction; empty (everything) outside a server, or when the
 * store cannot be read (reported to `onError`).
 *
 * @example await collectionsOfInteraction(store, interaction, onError) // ['modding'] in a channel mapped to modding
 */
export async function collectionsOfInteraction(
  store: Pick<Store, 'channelSettings' | 'forumTagCollections'>,
  interaction: Interaction,
  onError: (error: unknown) => void,
): Promise<readonly string[]> {
  if (!interaction.inGuild() || interaction.channelId === null) return [];
  const channel = interaction.channel;
  // An uncached channel is taken as a text channel: its own mapping still applies.
  const place: Place = (channel && placeOf(channel, interaction.guildId, interaction.client.user.id)) ?? { guildId: interaction.guildId, channelId: interaction.channelId, kind: 'text' };
  return collectionsOrEverything(store, place, onError);
}
