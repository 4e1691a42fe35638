/**
 * Tests that show what a child process makes of its environment change `process.env` for a while;
 * this puts it back afterwards, so no other test of the file sees the change.
 */

/** Variables to set for a while; `undefined` removes one. */
export type EnvironmentPatch = Readonly<Record<string, string | undefined>>;

/**
 * Runs `body` with `patch` applied to `process.env`, then restores every patched variable (or
 * removes it again), whether `body` succeeded or threw.
 *
 * @example await withEnvironment({ http_proxy: 'http://127.0.0.1:1' }, () => syncSource(spec, options));
 */
export async function withEnvironment<T>(patch: EnvironmentPatch, body: () => Promise<T>): Promise<T> {
  const saved = Object.keys(patch).map((name) => [name, process.env[name]] as const);
  const apply = (values: Iterable<readonly [string, string | undefined]>): void => {
    for (const [name, value] of values) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(Object.entries(patch));
  try {
    return await body();
  } finally {
    apply(saved);
  }
}
