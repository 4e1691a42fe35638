// Which Node versions Footnote runs on: package.json's `engines`, checked before every npm script
// (scripts/build.mjs), so an older Node gets one clear sentence instead of an obscure failure deep
// in a dependency. The range is vite 8's (through vitest 4, for `npm test`), the narrowest of all
// dependencies; the bot itself uses nothing newer than Node 20.0.

/** The supported range, as written in package.json's `engines.node`. */
export const SUPPORTED_NODE = '^20.19.0 || >=22.12.0';

/**
 * Why this Node version cannot run Footnote, or undefined when it can.
 *
 * @param {string} version e.g. process.version, 'v20.11.1'
 * @returns {string | undefined}
 */
export function nodeVersionProblem(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  if (supported) return undefined;
  return `Footnote needs Node ${SUPPORTED_NODE} (this is ${version}); install a newer Node, e.g. the current Node 22 LTS.`;
}
