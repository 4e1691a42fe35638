import { parseArgs } from 'node:util';
import { processEnv, readStoreConfig } from '../config.js';
import { type GapExport, gapsAsCsv, gapsAsJson, gapsAsText, type GuildGaps } from '../moderation/gap-export.js';
import { groupGaps } from '../moderation/gap-report.js';
import { openStore } from '../store/open-store.js';
import { runCli, UsageError } from './run.js';

// `npm run gaps -- [--days N] [--json|--csv]`: the gap report of every server, from the store
// named by DATABASE_URL, as /gaps shows it (covered groups left out).
const DEFAULT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

await runCli(async (argv) => {
  const { values } = parseArgs({ args: argv, options: { days: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } } });
  const days = values.days === undefined ? DEFAULT_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1) throw new UsageError('--days must be a whole number of days, 1 or more');
  if (values.json === true && values.csv === true) throw new UsageError('choose one of --json and --csv');
  const store = await openStore(readStoreConfig(processEnv()).databaseUrl);
  try {
    const since = Date.now() - days * DAY_MS;
    const gaps = await store.allGaps(since);
    const guildIds = [...new Set(gaps.map((g) => g.guildId))];
    const guilds: GuildGaps[] = [];
    for (const guildId of guildIds) {
      const [covered, votes] = await Promise.all([store.coveredGapGroups(guildId), store.voteTally(guildId, since)]);
      guilds.push({ guildId, votes, groups: groupGaps(gaps.filter((g) => g.guildId === guildId), covered) });
    }
    const report: GapExport = { days, since, guilds };
    process.stdout.write(values.json === true ? `${gapsAsJson(report)}\n` : values.csv === true ? gapsAsCsv(report) : gapsAsText(report));
  } finally {
    await store.close();
  }
});
