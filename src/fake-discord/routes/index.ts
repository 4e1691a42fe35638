/**
 * Every REST route of the fake, in matching order.
 */
import type { Route } from '../router.js';
import type { FakeState } from '../state.js';
import { applicationRoutes } from './application.js';
import { channelRoutes } from './channels.js';
import { interactionRoutes } from './interactions.js';

/** All routes. Literal paths (`/users/@me`) come before parameterised ones (`/users/:userId`). */
export function allRoutes(state: FakeState): Route[] {
  return [...applicationRoutes(state), ...channelRoutes(state), ...interactionRoutes(state)];
}
