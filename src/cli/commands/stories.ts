import { Option, type Command } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { UserError } from '../../core/errors.js';
import { analyseMissing } from '../../ingest/analyse.js';
import { openStore } from '../../store/open.js';
import { engineKeyOf } from '../../store/types.js';
import { blindSpotsToTable, storyToTable } from '../../stories/format.js';
import { blindSpotsAcross, storyDocumentIds, storyViews } from '../../stories/read.js';
import { DEFAULT_TAG_PREFIX } from '../../stories/story.js';
import { parseDate, STORY_DEFAULTS, updateStories } from '../../stories/update.js';
import type { CliIO } from '../io.js';
import type { CommandResult } from '../main.js';
import { resolveConfig } from './analyze.js';

interface StoriesFlags {
  db?: string;
  since?: string;
  window: string;
  format: 'table' | 'json';
  tagPrefix: string;
  limit: string;
  threshold: string;
  rebuild: boolean;
  config?: string;
  model: boolean;
  update: boolean;
}

export function registerStories(program: Command, io: CliIO, _result: CommandResult): void {
  program
    .command('stories')
    .description('Group stored documents into stories (one event, many outlets) and show, per version, the facts it shares, only its camp carries, and leaves out')
    .option('--db <path>', 'SQLite file or postgres:// URL (default: $FRAMEWISE_DB, else ./framewise.db)')
    .option('--since <date>', 'only documents published on or after this date (YYYY-MM-DD)')
    .option('--window <span>', 'largest gap between versions of one story: m, h, d or w, e.g. 3d or 36h', STORY_DEFAULTS.window)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--tag-prefix <prefix>', 'tags with this prefix name a document\'s group (camp); without one, the outlet does', DEFAULT_TAG_PREFIX)
    .option('--limit <n>', 'stories shown, newest first', '20')
    .option('--threshold <x>', 'similarity a document needs to join a story (calibrated default)', String(STORY_DEFAULTS.threshold))
    .option('--rebuild', 'forget the stored stories and group every document again', false)
    .option('-c, --config <file>', 'config file (default: ./framewise.config.json if present)')
    .option('--no-model', 'rules only, without the trained model')
    .option('--no-update', 'do not analyse stored documents that lack an analysis for the current engine')
    .action(async (flags: StoriesFlags) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UserError(`--limit: expected an integer from 1 to 1000, got "${flags.limit}"`, { field: 'limit' });
      const threshold = Number(flags.threshold);
      if (!(threshold > 0 && threshold < 1)) throw new UserError(`--threshold: expected a number between 0 and 1, got "${flags.threshold}"`, { field: 'threshold' });
      if (flags.since !== undefined) parseDate(flags.since, 'since');
      const config = resolveConfig(flags.config);
      if (!flags.model) config.model = false;
      const store = await openStore(flags.db);
      try {
        if (flags.rebuild) {
          const n = await store.deleteStories();
          if (n > 0) io.err(`framewise: forgot ${n} stored stories\n`);
        }
        const u = await updateStories(store, { since: flags.since, window: flags.window, threshold });
        if (u.assigned > 0) io.err(`framewise: ${u.assigned} documents placed: ${u.created.length} new stories, ${u.updated.length} stories grew\n`);
        const analyzer = new Analyzer({ config });
        const filter = flags.since ? { from: flags.since } : {};
        const page = { limit };
        if (flags.update) {
          const ids = await storyDocumentIds(store, filter, page);
          const r = await analyseMissing(store, analyzer, { ids });
          if (r.analysed > 0) io.err(`framewise: analysed ${r.analysed} stored documents with the current engine first\n`);
          for (const p of r.problems) io.err(`framewise: ${p.location}: ${p.message}\n`);
        }
        const { total, items } = await storyViews(store, engineKeyOf(analyzer.engine), filter, page, { tagPrefix: flags.tagPrefix });
        const blindSpots = blindSpotsAcross(items);
        if (flags.format === 'json') {
          io.out(JSON.stringify({ total, stories: items, blindSpots, placed: u }, null, 2) + '\n');
          return;
        }
        if (items.length === 0) {
          io.out(`No stories${flags.since ? ` since ${flags.since}` : ''}: the store has no documents${flags.since ? ' in that range' : ''}.\n`);
          return;
        }
        io.out(`${total} stor${total === 1 ? 'y' : 'ies'}${flags.since ? ` since ${flags.since}` : ''}${total > items.length ? `, newest ${items.length} shown` : ''}\n\n`);
        for (const v of items) io.out(storyToTable(v) + '\n');
        io.out(blindSpotsToTable(blindSpots));
      } finally {
        await store.close();
      }
    });
}
