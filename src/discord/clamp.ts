/**
 * Fitting messages, embeds, buttons and autocomplete choices into Discord's limits. Renderers
 * budget their text first; this is the safety net that guarantees a payload Discord accepts.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import * as L from './limits.js';
import type { ButtonSpec, Choice } from './message.js';
import { truncateMarkdown, truncatePlain } from './truncate.js';

/** Characters of an embed that count towards {@link L.EMBED_TOTAL_MAX}. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
}

/** Below this, a field is dropped rather than cut (a stub of an excerpt helps nobody). */
const FIELD_VALUE_MIN_USEFUL = 80;

function clampOne(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncateMarkdown(out.title, L.EMBED_TITLE_MAX);
  if (out.description !== undefined) out.description = truncateMarkdown(out.description, L.EMBED_DESCRIPTION_MAX);
  if (out.footer) out.footer = { ...out.footer, text: truncateMarkdown(out.footer.text, L.EMBED_FOOTER_MAX) };
  if (out.author) out.author = { ...out.author, name: truncateMarkdown(out.author.name, L.EMBED_AUTHOR_MAX) };
  if (out.fields) {
    out.fields = out.fields
      .slice(0, L.EMBED_FIELDS_MAX)
      .map((f): APIEmbedField => ({ ...f, name: truncateMarkdown(f.name, L.EMBED_FIELD_NAME_MAX), value: truncateMarkdown(f.value, L.EMBED_FIELD_VALUE_MAX) }))
      .filter((f) => f.name.trim() !== '' && f.value.trim() !== '');
  }
  return out;
}

/** Removes `over` characters from the end of an embed: last fields first, then description, footer, title. */
function shrink(embed: APIEmbed, over: number): APIEmbed {
  const out: APIEmbed = { ...embed, fields: [...(embed.fields ?? [])] };
  const fields = out.fields!;
  while (over > 0 && fields.length > 0) {
    const last = fields[fields.length - 1]!;
    if (last.value.length - over >= FIELD_VALUE_MIN_USEFUL) {
      const value = truncateMarkdown(last.value, last.value.length - over);
      over -= last.value.length - value.length;
      fields[fields.length - 1] = { ...last, value };
    } else {
      fields.pop();
      over -= last.name.length + last.value.length;
    }
  }
  for (const key of ['description', 'footer', 'title'] as const) {
    if (over <= 0) break;
    const text = key === 'footer' ? out.footer?.text : out[key];
    if (text === undefined) continue;
    const cut = truncateMarkdown(text, Math.max(0, text.length - over));
    over -= text.length - cut.length;
    if (key === 'footer' && out.footer) {
      if (cut === '') delete out.footer;
      else out.footer = { ...out.footer, text: cut };
    } else if (key !== 'footer') {
      if (cut === '') delete out[key];
      else out[key] = cut;
    }
  }
  if (fields.length === 0) delete out.fields;
  return out;
}

/**
 * Fits embeds into every embed limit, including the 6,000-character total over all of them;
 * later embeds and later fields give way first.
 *
 * @example clampEmbeds([{ description: 'x'.repeat(5000) }])[0]?.description?.length // 4096
 */
export function clampEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, L.EMBEDS_MAX).map(clampOne);
  let total = out.reduce((n, e) => n + embedLength(e), 0);
  for (let i = out.length - 1; i >= 0 && total > L.EMBED_TOTAL_MAX; i--) {
    const before = embedLength(out[i]!);
    out[i] = shrink(out[i]!, total - L.EMBED_TOTAL_MAX);
    total -= before - embedLength(out[i]!);
  }
  return out.filter((e) => embedLength(e) > 0 || e.image !== undefined || e.url !== undefined);
}

/**
 * Fits rows of buttons into the component limits. A custom_id over the limit is a bug (it
 * cannot be shortened without breaking its meaning), so it throws.
 */
export function clampButtons(rows: readonly (readonly ButtonSpec[])[]): ButtonSpec[][] {
  return rows
    .slice(0, L.ACTION_ROWS_MAX)
    .map((row) =>
      row.slice(0, L.BUTTONS_PER_ROW_MAX).map((button) => {
        if (button.customId.length > L.CUSTOM_ID_MAX) throw new Error(`custom_id over ${L.CUSTOM_ID_MAX} characters: ${button.customId.slice(0, 40)}…`);
        return { ...button, label: truncatePlain(button.label, L.BUTTON_LABEL_MAX) };
      }),
    )
    .filter((row) => row.length > 0);
}

/**
 * Fits autocomplete choices: at most 25, names 1–100 characters on one line, values ≤ 100
 * (a choice whose value is too long is left out, since a cut value would point nowhere).
 *
 * @example clampChoices([{ name: 'x'.repeat(150), value: 'id' }])[0]?.name.length // 100
 */
export function clampChoices(choices: readonly Choice[]): Choice[] {
  return choices
    .filter((c) => c.value.length > 0 && c.value.length <= L.CHOICE_VALUE_MAX)
    .slice(0, L.CHOICES_MAX)
    .map((c) => ({ name: truncatePlain(c.name.replace(/\s+/g, ' ').trim(), L.CHOICE_NAME_MAX) || c.value.slice(0, L.CHOICE_NAME_MAX), value: c.value }));
}

/** Fits message content. */
export function clampContent(content: string): string {
  return truncateMarkdown(content, L.CONTENT_MAX);
}
