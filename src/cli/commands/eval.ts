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

interface EvalFlags {
  gold: string;
  pred?: string;
  task: EvalTask;
  format: 'table' | 'json';
  source: 'all' | 'model' | 'rules';
  model?: string;
  config?: string;
}

export function registerEval(program: Command, io: CliIO, _result: CommandResult): void {
  program
    .command('eval')
    .description('Score predictions against gold spans with the SemEval-2020 Task 11 measures (SI, TC, FLC)')
    .requiredOption('-g, --gold <file>', 'gold JSONL: {"id", "text", "spans": [{"start", "end", "technique"}]}')
    .option('-p, --pred <file>', 'predictions JSONL (same format, text optional); default: framewise analyses the gold texts')
    .addOption(new Option('--task <task>', 'which score').choices(['si', 'tc', 'flc', 'all']).default('all'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('--source <source>', 'without --pred: what predicts spans').choices(['all', 'model', 'rules']).default('all'))
    .option('--model <file>', 'model artefact to evaluate instead of the shipped one')
    .option('-c, --config <file>', 'config file for the analyzer')
    .action((flags: EvalFlags) => {
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
      const res = scoreAll(gold, pred, tcPred, flags.task);
      io.out(flags.format === 'json' ? jsonOut(evalJson(res)) + '\n' : evalTable(res));
    });
}

/** The shipped model's weights (null when no artefact is installed). */
function defaultModel(): Model | null {
  const d = loadDefaultModel();
  return d && 'model' in d ? (d as TrainedModelDetector).model : null;
}
