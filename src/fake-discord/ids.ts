/**
 * Identifier helpers: Discord-style snowflakes and interaction tokens.
 *
 * A snowflake is `(ms since the Discord epoch) << 22 | worker << 17 | process << 12 | increment`,
 * which gives the 17–19 digit ids discord.js expects (it parses timestamps out of them).
 */
import { randomBytes } from 'node:crypto';

/** First millisecond of 2015, the epoch Discord snowflakes count from. */
const DISCORD_EPOCH_MS = 1_420_070_400_000;

let increment = 0;

/**
 * Makes a snowflake for the given moment (default: now). Ids made within the same
 * millisecond differ by their 12-bit increment, so they stay unique and ordered.
 * Pass `sequence` to get a reproducible id (the fake's fixed guild, users, …).
 */
export function snowflake(atMs: number = Date.now(), sequence?: number): string {
  increment = (increment + 1) % 4096;
  const time = BigInt(Math.max(0, Math.floor(atMs) - DISCORD_EPOCH_MS));
  return ((time << 22n) | (1n << 17n) | (1n << 12n) | BigInt((sequence ?? increment) % 4096)).toString();
}

/** A random url-safe token, like Discord's interaction tokens (which are opaque strings). */
export function randomToken(bytes = 48): string {
  return randomBytes(bytes).toString('base64url');
}
