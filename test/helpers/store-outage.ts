/**
 * A real store behind a switch that makes every database call reject, like a database that is
 * down or full (`hashUser`, which needs no round trip, keeps working).
 */
import type { Store } from '../../src/store/store.js';

/** The wrapped store and its switch. */
export interface StoreWithOutage {
  readonly store: Store;
  /** While true, every call but `hashUser`, `kind` and `close` rejects. */
  down: boolean;
}

/**
 * Wraps a store.
 *
 * @example const s = withOutage(await openStore(MEMORY_DATABASE_URL)); s.down = true;
 */
export function withOutage(inner: Store): StoreWithOutage {
  const state: StoreWithOutage = {
    down: false,
    store: new Proxy(inner, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (key === 'hashUser' || key === 'close') return method.bind(target);
        return (...args: unknown[]) => (state.down ? Promise.reject(new Error('SQLITE_FULL: database or disk is full')) : method.apply(target, args));
      },
    }),
  };
  return state;
}
