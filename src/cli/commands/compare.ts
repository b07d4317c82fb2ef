import { Option, type Command } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { UserError } from '../../core/errors.js';
import { comparisonToCsv, comparisonToTable, csvField } from '../../compare/format.js';
import { NarrativeAccumulator, narrativesToCsv, narrativesToTable } from '../../compare/narratives.js';
import { comparePeriods, MEASURE_IDS, parseMeasures, PERIOD_BY, periodsToCsv, periodsToTable, type PeriodBy } from '../../compare/periods.js';
import { withNarratives } from '../narratives-flag.js';
import { GroupAccumulator, validateCompareOptions } from '../../compare/groups.js';
import { LayerAccumulator, layersToTable } from '../../compare/layers.js';
import { actorsToCsv, actorsToTable, compareActors } from '../../compare/actors.js';
import { GROUP_BY, type GroupBy } from '../../core/compare.js';
import { analyseMissing } from '../../ingest/analyse.js';
import { openStore } from '../../store/open.js';
import { engineKeyOf, type DocumentFilter } from '../../store/types.js';
import type { CliIO } from '../io.js';
import { deepDisplaySafe, jsonOut } from '../safe-output.js';
import type { CommandResult } from '../main.js';
import { resolveConfig } from './analyze.js';

const WHERE_KEYS = ['outlet', 'author', 'tag', 'q', 'from', 'to'] as const;

/** `--where key=value` pairs to a DocumentFilter; a repeated key is an error (filters AND together). */
export function parseWhere(pairs: readonly string[]): DocumentFilter {
  const filter: DocumentFilter = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UserError(`--where: expected key=value, got "${pair}"`, { field: 'where' });
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!(WHERE_KEYS as readonly string[]).includes(key)) throw new UserError(`--where: unknown key "${key}" (use ${WHERE_KEYS.join(', ')})`, { field: 'where' });
    if (value === '') throw new UserError(`--where: empty value for "${key}"`, { field: 'where' });
    const k = key as (typeof WHERE_KEYS)[number];
    if (filter[k] !== undefined) throw new UserError(`--where: "${key}" given twice`, { field: 'where' });
    if ((k === 'from' || k === 'to') && !/^\d{4}(-\d{2}(-\d{2})?)?/.test(value)) throw new UserError(`--where: ${key} must be a date like 2024-03-01, got "${value}"`, { field: 'where' });
    filter[k] = value;
  }
  return filter;
}

interface CompareFlags {
  by: GroupBy | PeriodBy;
  narratives?: string | boolean;
  measures?: string;
  where: string[];
  format: 'table' | 'json' | 'csv';
  db?: string;
  tagPrefix?: string;
  top: string;
  alpha: string;
  config?: string;
  model: boolean;
  update: boolean;
  actors: boolean;
  minDocuments: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerCompare(program: Command, io: CliIO, _result: CommandResult): void {
  program
    .command('compare')
    .description('Compare groups of the stored corpus (outlets, tags, authors): technique rates and which differences are significant')
    .addOption(new Option('--by <field>', 'group documents by (outlet, tag, author), or measure them per period (month, week, day)').choices([...GROUP_BY, ...PERIOD_BY]).makeOptionMandatory())
    .option('--narratives [packs]', 'with --by outlet|tag|author: the share of documents carrying each narrative per group, with significance; packs as for analyze (default: the configured ones)')
    .option('--measures <ids>', `with --by month|week|day: the measures, comma-separated (${MEASURE_IDS.join(', ')}; default all)`)
    .option('--where <key=value>', `only documents matching (keys: ${WHERE_KEYS.join(', ')}; repeatable)`, collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--db <path>', 'SQLite file or postgres:// URL (default: $FRAMEWISE_DB, else ./framewise.db)')
    .option('--tag-prefix <prefix>', 'with --by tag: only tags starting with this, e.g. camp:')
    .option('--top <n>', 'top techniques listed per group', '5')
    .option('--alpha <x>', 'false discovery rate for significance', '0.05')
    .option('-c, --config <file>', 'config file (default: ./framewise.config.json if present)')
    .option('--no-model', 'rules only, without the trained model')
    .option('--no-update', 'do not analyse stored documents that lack an analysis for the current engine')
    .option('--actors', 'how each group casts each actor: share of its documents casting the actor in each role, with significance')
    .option('--min-documents <n>', 'with --actors: leave out actors mentioned in fewer documents', '3')
    .action(async (flags: CompareFlags) => {
      const where = parseWhere(flags.where);
      const top = Number(flags.top);
      const alpha = Number(flags.alpha);
      if (!Number.isInteger(top) || top < 0) throw new UserError(`--top: expected a non-negative integer, got "${flags.top}"`, { field: 'top' });
      if (!(alpha > 0 && alpha < 1)) throw new UserError(`--alpha: expected a number between 0 and 1, got "${flags.alpha}"`, { field: 'alpha' });
      const config = withNarratives(resolveConfig(flags.config), typeof flags.narratives === 'string' ? flags.narratives : undefined);
      if (!flags.model) config.model = false;
      const analyzer = new Analyzer({ config });
      const store = await openStore(flags.db);
      try {
        if (flags.update) {
          const r = await analyseMissing(store, analyzer, where);
          if (r.analysed > 0) io.err(`framewise: analysed ${r.analysed} stored documents with the current engine first\n`);
          for (const p of r.problems) io.err(`framewise: ${p.location}: ${p.message}\n`);
        }
        if ((PERIOD_BY as readonly string[]).includes(flags.by)) {
          const series = await comparePeriods(store, engineKeyOf(analyzer.engine), { by: flags.by as PeriodBy, measures: parseMeasures(flags.measures), where });
          io.out(flags.format === 'json' ? jsonOut(series, 2) + '\n' : flags.format === 'csv' ? periodsToCsv(deepDisplaySafe(series), csvField) : periodsToTable(deepDisplaySafe(series)));
          return;
        }
        if (flags.measures !== undefined) throw new UserError('--measures: only with --by month, week or day', { field: 'measures' });
        const options = { by: flags.by as GroupBy, where, tagPrefix: flags.tagPrefix, top, alpha };
        validateCompareOptions(options);
        if (flags.actors) {
          const minDocuments = Number(flags.minDocuments);
          if (!Number.isInteger(minDocuments) || minDocuments < 1) throw new UserError(`--min-documents: expected a positive integer, got "${flags.minDocuments}"`, { field: 'min-documents' });
          const c = await compareActors(store, engineKeyOf(analyzer.engine), { ...options, actors: top > 0 ? Math.max(top, 10) : 20, minDocuments });
          if (flags.format === 'json') io.out(JSON.stringify(c, null, 2) + '\n');
          else if (flags.format === 'csv') io.out(actorsToCsv(c));
          else io.out(actorsToTable(c));
          return;
        }
        // One pass over the stored analyses feeds both the technique statistics and the layer aggregates.
        const engineKey = engineKeyOf(analyzer.engine);
        const techniques = new GroupAccumulator(options);
        const layers = new LayerAccumulator(options);
        const narratives = flags.narratives !== undefined ? new NarrativeAccumulator(options) : null;
        for await (const { doc, report } of store.iterateAnalysed(engineKey, where)) {
          techniques.add(doc, report);
          layers.add(doc, report);
          narratives?.add(doc, report);
        }
        const c = techniques.result(engineKey);
        const l = layers.result(engineKey);
        const n = narratives?.result(engineKey);
        if (flags.format === 'json') io.out(jsonOut({ ...c, layers: l.groups, ...(n ? { narratives: n } : {}) }, 2) + '\n');
        // Group names and example spans come from the documents: shown, never obeyed.
        else if (flags.format === 'csv') io.out(n ? narrativesToCsv(deepDisplaySafe(n), csvField) : comparisonToCsv(deepDisplaySafe(c)));
        else io.out(comparisonToTable(deepDisplaySafe(c)) + layersToTable(deepDisplaySafe(l)) + (n ? narrativesToTable(deepDisplaySafe(n)) : ''));
      } finally {
        await store.close();
      }
    });
}
