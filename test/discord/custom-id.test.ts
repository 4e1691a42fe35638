import { describe, expect, it } from 'vitest';
import { decodeAskButton, encodeAskButton, type AskButton } from '../../src/discord/custom-id.js';
import { PASSAGE_ID_MAX } from '../../src/knowledge/passage-id.js';

const LONGEST_SNOWFLAKE = '9'.repeat(20);

describe('answer button custom_ids', () => {
  it('given every kind of button with the longest ids, when encoded, then it fits in 100 characters and decodes back', () => {
    // given
    const buttons: AskButton[] = [
      { action: 'more', passageId: `${'d'.repeat(PASSAGE_ID_MAX - 11)}:0123456789` },
      { action: 'next', offset: 999, askerId: LONGEST_SNOWFLAKE },
      { action: 'delete', askerId: LONGEST_SNOWFLAKE },
      { action: 'public', askerId: LONGEST_SNOWFLAKE },
    ];
    for (const button of buttons) {
      // when
      const id = encodeAskButton(button);
      // then
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeAskButton(id)).toEqual(button);
    }
  });

  it('given malformed or foreign custom_ids, when decoded, then they are rejected', () => {
    for (const id of ['', 'ask', 'ask:next:x:1', 'ask:next:1', 'ask:next:1000:1', 'ask:delete:abc', 'ask:more:', 'other:more:x', 'ask:explode:1']) {
      expect(decodeAskButton(id)).toBeUndefined();
    }
  });

  it('given a passage id too long for a custom_id, when encoded, then it throws (a bug, not a silent cut)', () => {
    expect(() => encodeAskButton({ action: 'more', passageId: 'x'.repeat(95) })).toThrow(/custom_id/);
  });
});
