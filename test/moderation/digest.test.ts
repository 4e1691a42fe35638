/**
 * The weekly digest: when it is due, and its chart (SVG built here, PNG by resvg).
 */
import { describe, expect, it } from 'vitest';
import { DIGEST_INTERVAL_MS, isDigestDue } from '../../src/discord/digest.js';
import { digestPng, digestSvg } from '../../src/moderation/digest-chart.js';

describe('isDigestDue', () => {
  it('given no channel, never; given one, when never sent or a week after the last', () => {
    const now = 10 * DIGEST_INTERVAL_MS;
    expect(isDigestDue({ guildId: 'g' }, now)).toBe(false);
    expect(isDigestDue({ guildId: 'g', digestChannelId: 'c' }, now)).toBe(true);
    expect(isDigestDue({ guildId: 'g', digestChannelId: 'c', lastDigestAt: now - DIGEST_INTERVAL_MS + 1 }, now)).toBe(false);
    expect(isDigestDue({ guildId: 'g', digestChannelId: 'c', lastDigestAt: now - DIGEST_INTERVAL_MS }, now)).toBe(true);
  });
});

describe('the digest chart', () => {
  const chart = { title: 'Week', gaps: [{ label: '<script>alert(1)</script> & “mail”', value: 3 }, { label: 'bowl', value: 1 }], votes: { up: 4, down: 1 } };

  it('given member words with markup, then the SVG carries them escaped, one bar per gap and per vote kind', () => {
    const svg = digestSvg(chart);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; “mail”');
    expect(svg).not.toContain('<script>');
    expect(svg.match(/<rect /g)).toHaveLength(1 + 2 + 2);
    expect(svg).toContain('80 % helpful');
  });

  it('given the chart, then it renders to a PNG of the SVG size', async () => {
    const png = await digestPng(chart);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(800);
  });
});
