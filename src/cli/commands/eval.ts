import type { Command } from 'commander';
import { Option } from 'commander';
import { Analyzer } from '../../analysis/analyzer.js';
import { loadDefaultModel } from '../../analysis/model-hook.js';
import { UserError } from '../../core/errors.js';
import { analyzerPredictions, modelPredictions, modelTcPredictions, scoreAll, type EvalTask } from '../../training/evaluate.js';
import { evalJson, evalTable } from '../../eval/format.js';
import { loadRecords, toPtcDocs, type PtcDoc } from '../../eval/records.js';
import { loadModelFile } from '../../model/artefact.js';
import { modelDetector, type TrainedModelDetector } from '../../model/detector.js';
import type { Model } from '../../model/model.js';
import type { CliIO } from '../io.js';
import { jsonOut } from '../safe-output.js';
import type { CommandResult } from '../main.js';
import { resolveConfig } from './analyze.js';
import { evalNarratives, narrativesEvalJson, narrativesEvalTable } from './eval-narratives.js';
import { NARRATIVES_FLAG, NARRATIVES_HELP, withNarratives } from '../narratives-flag.js';
import type { ArchetypeId, MainRole } from '../../core/framing.js';
import { loadRoleGold, rolesJson, rolesTable, scoreRoles, type RoleGoldDoc, type RoleScores } from '../../eval/roles.js';
import { frameGiven } from '../../training/framing-given.js';
import { loadFramingModel, shippedFramingModel, type FramingModel } from '../../layers/framing/model.js';
import { NEWS_PRIOR } from '../../layers/framing/prior.js';

interface EvalFlags {
  gold: string;
  pred?: string;
  task: EvalTask | 'narratives' | 'roles';
  prior: string;
  framingModel?: string;
  format: 'table' | 'json';
  source: 'all' | 'model' | 'rules';
  model?: string;
  config?: string;
  narratives?: string;
}

export function registerEval(program: Command, io: CliIO, _result: CommandResult): void {
  program
    .command('eval')
    .description('Score predictions against gold spans with the SemEval-2020 Task 11 measures (SI, TC, FLC), narratives with SemEval-2025 Task 10 samples-F1 (--task narratives), or entity framing with given mentions (--task roles, SemEval-2025 Task 10 subtask 1)')
    .requiredOption('-g, --gold <file>', 'gold JSONL: {"id", "text", "spans": [{"start", "end", "technique"}]}; for --task narratives {"id", "text", "narratives": [...], "subnarratives": [...]} (JSONL or YAML); for --task roles {"text", "mentions": [{"start", "end", "main", "fine": []}]}')
    .option('-p, --pred <file>', 'predictions JSONL (same format, text optional); default: framewise analyses the gold texts')
    .addOption(new Option('--task <task>', 'which score').choices(['si', 'tc', 'flc', 'all', 'narratives', 'roles']).default('all'))
    .option('--prior <prior>', '--task roles: main-role prior of the texts, "news" (antagonist-heavy, the default), "train" (the training set\'s) or "protagonist,antagonist,innocent" shares', 'news')
    .option('--framing-model <file>', '--task roles: framing model to evaluate instead of the shipped one')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('--source <source>', 'without --pred: what predicts spans').choices(['all', 'model', 'rules']).default('all'))
    .option('--model <file>', 'model artefact to evaluate instead of the shipped one')
    .option('-c, --config <file>', 'config file for the analyzer')
    .option(NARRATIVES_FLAG, NARRATIVES_HELP)
    .action((flags: EvalFlags) => {
      if (flags.task === 'narratives') {
        const res = evalNarratives(flags.gold, flags.pred, withNarratives(resolveConfig(flags.config), flags.narratives));
        io.out(flags.format === 'json' ? JSON.stringify(narrativesEvalJson(res)) + '\n' : narrativesEvalTable(res));
        return;
      }
      if (flags.task === 'roles') {
        if (flags.pred) throw new UserError('--task roles: framewise assigns the roles itself; leave out --pred');
        const res = evaluateRoles(loadRoleGold(flags.gold), new Analyzer({ config: resolveConfig(flags.config), model: null }), framingModel(flags.framingModel), parsePrior(flags.prior));
        io.out(flags.format === 'json' ? jsonOut(rolesJson(res)) + '\n' : rolesTable(res));
        return;
      }
      const gold = toPtcDocs(loadRecords(flags.gold, { requireText: !flags.pred }), flags.gold);
      let pred: PtcDoc[];
      let tcPred: PtcDoc[];
      if (flags.pred) {
        pred = toPtcDocs(loadRecords(flags.pred), flags.pred);
        tcPred = pred;
      } else {
        const model: Model | null = flags.model ? loadModelFile(flags.model).model : flags.source === 'rules' ? null : defaultModel();
        if (!model && flags.source === 'model') throw new UserError('--source model: no model artefact found (train one with `framewise train`)');
        if (flags.source === 'model') pred = modelPredictions(gold, model!);
        else pred = analyzerPredictions(gold, new Analyzer({ config: resolveConfig(flags.config), model: model ? modelDetector(model) : null }));
        if (!model && flags.task !== 'si' && flags.task !== 'flc') io.err('framewise: no model: TC needs the technique classifier, so every gold span counts as unanswered\n');
        tcPred = model ? modelTcPredictions(gold, model) : [];
      }
      const res = scoreAll(gold, pred, tcPred, flags.task as EvalTask);
      io.out(flags.format === 'json' ? jsonOut(evalJson(res)) + '\n' : evalTable(res));
    });
}

/** The shipped model's weights (null when no artefact is installed). */
function defaultModel(): Model | null {
  const d = loadDefaultModel();
  return d && 'model' in d ? (d as TrainedModelDetector).model : null;
}

/** The framing model to evaluate: a file, or the shipped one. */
function framingModel(file?: string): FramingModel {
  const m = file ? loadFramingModel(file) : shippedFramingModel();
  if (!m) throw new UserError('--task roles: no framing model installed (train one with `npx tsx scripts/framing.ts train`)');
  return m;
}

/** "news", "train" or three shares "p,a,i" (protagonist, antagonist, innocent), normalised. */
export function parsePrior(spec: string): Record<MainRole, number> | null {
  if (spec === 'train') return null;
  if (spec === 'news') return NEWS_PRIOR;
  const parts = spec.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x) || x <= 0)) {
    throw new UserError(`--prior: expected "news", "train" or three positive shares "protagonist,antagonist,innocent", got "${spec}"`);
  }
  const z = parts[0]! + parts[1]! + parts[2]!;
  return { protagonist: parts[0]! / z, antagonist: parts[1]! / z, innocent: parts[2]! / z };
}

/** Frames every gold mention (the best of the three main roles) and scores the result. */
export function evaluateRoles(gold: readonly RoleGoldDoc[], analyzer: Analyzer, model: FramingModel, prior: Record<MainRole, number> | null): RoleScores {
  model.setTargetPrior(prior);
  try {
    const pairs: Array<{ gold: RoleGoldDoc['mentions'][number]; pred: { main: MainRole; fine: ArchetypeId[] } }> = [];
    for (const d of gold) {
      const got = frameGiven(analyzer, model, d.text, d.mentions);
      d.mentions.forEach((m, k) => pairs.push({ gold: m, pred: got[k] ?? { main: 'antagonist', fine: [] } }));
    }
    return scoreRoles(pairs);
  } finally {
    model.setTargetPrior(null);
  }
}
