/**
 * A tiny knowledge file for tests that change it and reload: a garden club's rules, with one
 * paragraph about dues and more about watering than fit on one page of an answer.
 */

/** The dues paragraph as first written. */
export const DUES = 'Members pay dues of ten euros a year, in January.';
/** The dues paragraph after the club raised them. */
export const DUES_RAISED = 'Members pay dues of twelve euros a year, in January.';

/** The watering paragraphs, in order (¶1 … ¶5 of the Watering section). */
export const WATERING = [
  'Members water their plots before nine in the morning.',
  'In a drought, members water their plots every other day.',
  'Members water seedlings with the rain barrels first.',
  'Members who travel ask a neighbour to water their plots.',
  'Members never water their plots with the hose at noon.',
] as const;

/**
 * The rules file (`rules.md`), with the dues paragraph given and the watering ones (the shipped
 * ones unless given).
 *
 * @example await writeFile(join(dir, 'rules.md'), gardenClubRules(DUES));
 */
export const gardenClubRules = (dues: string, watering: readonly string[] = WATERING): string =>
  [
    '---',
    'title: Garden club rules',
    'license: CC0',
    '---',
    '# Garden club rules',
    '',
    '## Dues',
    '',
    dues,
    '',
    '## Meetings',
    '',
    'The club meets on the first Monday of every month.',
    '',
    '## Watering',
    '',
    ...watering.flatMap((paragraph) => [paragraph, '']),
  ].join('\n');
