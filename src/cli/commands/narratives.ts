import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { UserError } from '../../core/errors.js';
import { discoverFromStore, packSkeleton, type Discovery } from '../../compare/discover.js';
import { analyseMissing } from '../../ingest/analyse.js';
import { openStore } from '../../store/open.js';
import { engineKeyOf } from '../../store/types.js';
import type { CliIO } from '../io.js';
import type { CommandResult } from '../main.js';
import { resolveConfig } from './analyze.js';
import { parseWhere } from './compare.js';

interface DiscoverFlags {
  db?: string;
  where: string[];
  k?: string;
  out?: string;
  name: string;
  format: string;
  config?: string;
  model: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function discoveryToTable(d: Discovery): string {
  const out = [`${d.groups.length} candidate narratives from ${d.sentences} claim sentences of ${d.documents} documents`, ''];
  for (const g of d.groups) {
    out.push(`== ${g.id}: ${g.size} sentences in ${g.documents} documents`);
    out.push(`   key phrases: ${g.keyPhrases.join(', ')}`);
    out.push(`   outlets: ${g.outlets.slice(0, 6).map((o) => `${o.outlet} (${o.sentences})`).join(', ')}`);
    for (const e of g.examples.slice(0, 3)) out.push(`   e.g. "${e.text.length > 140 ? e.text.slice(0, 139) + '…' : e.text}"`);
    out.push('');
  }
  return out.join('\n');
}

export function registerNarratives(program: Command, io: CliIO, _result: CommandResult): void {
  const cmd = program.command('narratives').description('Narrative packs: discover candidate narratives in a stored corpus');
  cmd
    .command('discover')
    .description('Group the corpus\'s claim sentences into candidate narratives (TF-IDF and k-means), with key phrases, examples and outlets; optionally write a pack skeleton')
    .option('--db <path>', 'SQLite file or postgres:// URL (default: $FRAMEWISE_DB, else ./framewise.db)')
    .option('--where <key=value>', 'only documents matching (outlet, author, tag, q, from, to; repeatable)', collect, [])
    .option('-k, --groups <n>', 'number of groups (default: from the number of sentences)')
    .option('-o, --out <file>', 'write a pack skeleton (YAML) to name and edit')
    .option('--name <name>', 'the skeleton pack\'s name', 'discovered')
    .option('-f, --format <format>', 'table or json', 'table')
    .option('-c, --config <file>', 'config file (default: ./framewise.config.json if present)')
    .option('--no-model', 'rules only, without the trained model')
    .action(async (flags: DiscoverFlags & { groups?: string }) => {
      const where = parseWhere(flags.where);
      const k = flags.groups === undefined ? undefined : Number(flags.groups);
      if (k !== undefined && !(Number.isInteger(k) && k >= 2 && k <= 100)) throw new UserError(`--groups: expected an integer from 2 to 100, got "${flags.groups}"`, { field: 'groups' });
      if (!/^[a-z0-9][a-z0-9-]*$/.test(flags.name)) throw new UserError(`--name: pack names are lowercase kebab-case, got "${flags.name}"`, { field: 'name' });
      if (!['table', 'json'].includes(flags.format)) throw new UserError(`--format: expected table or json, got "${flags.format}"`, { field: 'format' });
      const config = resolveConfig(flags.config);
      if (!flags.model) config.model = false;
      const analyzer = new Analyzer({ config });
      const store = await openStore(flags.db);
      try {
        const r = await analyseMissing(store, analyzer, where);
        if (r.analysed > 0) io.err(`framewise: analysed ${r.analysed} stored documents with the current engine first\n`);
        const d = await discoverFromStore(store, engineKeyOf(analyzer.engine), where, { k });
        io.out(flags.format === 'json' ? JSON.stringify(d, null, 2) + '\n' : discoveryToTable(d));
        if (flags.out) {
          writeFileSync(flags.out, packSkeleton(d, flags.name));
          io.err(`framewise: pack skeleton with ${d.groups.length} narratives written to ${flags.out}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
