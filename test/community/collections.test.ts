import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeCollections, knownCollections, parseCollections } from '../../src/community/collection-names.js';
import { collectionsFor } from '../../src/community/collections.js';
import { describeSettings } from '../../src/community/settings.js';
import { MEMORY_DATABASE_URL, openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(MEMORY_DATABASE_URL);
});
afterEach(() => store.close());

const change = { guildId: 'g', actorName: 'mod', actorHash: 'h', change: 'test', at: 0 };
const settings = (channelId: string, collections: string[]) => ({ guildId: 'g', channelId, autoAnswer: false, replyStyle: 'reply' as const, collections, updatedAt: 0 });

describe('collectionsFor', () => {
  it('given no mapping, when resolved, then every collection is searched (empty list)', async () => {
    expect(await collectionsFor(store, { guildId: 'g', channelId: 'c', kind: 'text' })).toEqual([]);
  });

  it('given a mapped channel, when a thread under it asks, then the parent channel mapping applies', async () => {
    await store.saveChannelSettings(settings('c', ['modding']), change);
    expect(await collectionsFor(store, { guildId: 'g', channelId: 't', kind: 'thread', parentId: 'c' })).toEqual(['modding']);
  });

  it('given a forum and a mapped tag, when a post carries the tag, then the tag wins; without it, the forum mapping applies', async () => {
    await store.saveChannelSettings(settings('f', ['game-rules']), change);
    await store.saveForumTagCollections({ guildId: 'g', channelId: 'f', tagId: 'mods', collections: ['modding'] }, change);
    const post = { guildId: 'g', channelId: 'p', kind: 'forum-post', parentId: 'f' } as const;
    expect(await collectionsFor(store, { ...post, tagIds: ['mods', 'other'] })).toEqual(['modding']);
    expect(await collectionsFor(store, { ...post, tagIds: ['other'] })).toEqual(['game-rules']);
  });
});

describe('collection names', () => {
  it('given document paths, when listed, then the top-level folders are the collections', () => {
    expect(knownCollections(['modding/a.md', 'game-rules/x/b.md', 'intro.md', 'modding/c.md'])).toEqual(['game-rules', 'modding']);
  });

  it('given typed names, when parsed, then case is forgiven, "all" resets, unknown names are named', () => {
    expect(parseCollections('Modding, game-rules', ['game-rules', 'modding'])).toEqual({ ok: true, collections: ['game-rules', 'modding'] });
    expect(parseCollections('all', ['modding'])).toEqual({ ok: true, collections: [] });
    expect(parseCollections('mods', ['modding'])).toEqual({ ok: false, unknown: ['mods'] });
  });

  it('given a list being typed, when completed, then the last name is completed and "all" offered first', () => {
    expect(completeCollections('game-rules, mo', ['game-rules', 'modding'])).toEqual(['game-rules, modding']);
    expect(completeCollections('', ['modding'])).toEqual(['all', 'modding']);
  });

  it('given settings, when described, then mode, style and collections read as words', () => {
    expect(describeSettings({ autoAnswer: true, replyStyle: 'thread', collections: ['modding'] })).toBe('auto-answer on · answers in threads · collections: modding');
  });
});
