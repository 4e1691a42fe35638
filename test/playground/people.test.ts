/**
 * Playground people (issue 14 item 9): display names and the `target` option agree, as in
 * Discord's user picker.
 */
import { describe, expect, it } from 'vitest';
import { findPerson } from '../../src/playground/bridge.js';
import { createWorld } from '../../src/fake-discord/world.js';

const people = [
  { id: '111111111111111111', username: 'alice', globalName: 'Alice' },
  { id: '222222222222222222', username: 'morgan_mod', globalName: 'Morgan' },
];

describe('findPerson', () => {
  it.each(['Morgan', 'morgan', '@Morgan', '@morgan_mod', 'morgan_mod', '<@222222222222222222>', '222222222222222222', 'Mor'])('given “%s”, then it finds Morgan', (typed) => {
    expect(findPerson(people, typed)?.username).toBe('morgan_mod');
  });

  it('given a prefix two people share, or nobody\'s name, then it finds nobody', () => {
    const twins = [...people, { id: '3', username: 'morgana', globalName: 'Morgana' }];
    expect(findPerson(twins, 'Morg')).toBeUndefined();
    expect(findPerson(people, 'Zed')).toBeUndefined();
    expect(findPerson(people, '')).toBeUndefined();
  });

  // Regression: the selector read "Morgan (mod) (moderator)" and `target: Morgan` failed.
  it('given the playground\'s world, then the moderator\'s display name carries no role and is found by it', () => {
    const world = createWorld();
    expect(world.users.moderator.globalName).toBe('Morgan');
    expect(findPerson(Object.values(world.users), world.users.moderator.globalName)?.id).toBe(world.users.moderator.id);
  });
});
