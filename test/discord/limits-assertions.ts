/**
 * One assertion for every Discord message limit, shared by the rendering tests and the fuzz.
 */
import { expect } from 'vitest';
import { embedLength } from '../../src/discord/clamp.js';
import * as L from '../../src/discord/limits.js';
import type { DiscordPayload } from '../../src/discord/respond.js';

/** Asserts every Discord limit on a payload (the same rules the fake enforces). */
export function expectWithinLimits(payload: DiscordPayload): void {
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(L.CONTENT_MAX);
  expect(payload.embeds.length).toBeLessThanOrEqual(L.EMBEDS_MAX);
  let total = 0;
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(L.EMBED_TITLE_MAX);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(L.EMBED_DESCRIPTION_MAX);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(L.EMBED_FOOTER_MAX);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(L.EMBED_FIELDS_MAX);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(L.EMBED_FIELD_NAME_MAX);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(L.EMBED_FIELD_VALUE_MAX);
    }
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(L.EMBED_TOTAL_MAX);
  expect(payload.components.length).toBeLessThanOrEqual(L.ACTION_ROWS_MAX);
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(L.BUTTONS_PER_ROW_MAX);
    for (const button of row.components) {
      expect(button.custom_id.length).toBeLessThanOrEqual(L.CUSTOM_ID_MAX);
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(L.BUTTON_LABEL_MAX);
    }
  }
}
