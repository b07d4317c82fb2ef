import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { trainFromFiles } from '../../training/pipeline.js';
import type { CliIO } from '../io.js';
import type { CommandResult } from '../main.js';

interface TrainFlags {
  data: string[];
  out: string;
  folds: string;
  seed?: string;
  modelVersion?: string;
  excludeLockbox?: boolean;
}

export function registerTrain(program: Command, io: CliIO, _result: CommandResult): void {
  program
    .command('train')
    .description('Train the span tagger and technique classifier on annotated JSONL (deterministic, CPU)')
    .requiredOption('-d, --data <files...>', 'annotated JSONL files, e.g. ../shared/data/ptc/train.jsonl')
    .requiredOption('-o, --out <dir>', 'folder for the model artefact (framewise-ptc.fwm)')
    .option('--folds <k>', 'cross-validation folds for calibration and reported scores (0: skip)', '5')
    .option('--seed <n>', 'random seed (same data and seed give the same model)')
    .option('--model-version <name>', 'model version recorded in reports')
    .option('--exclude-lockbox', 'leave out the 20% lockbox documents that no choice looks at (src/training/lockbox.ts)')
    .action((flags: TrainFlags) => {
      const folds = Number(flags.folds);
      if (!Number.isInteger(folds) || folds < 0 || folds === 1) throw new UserError(`--folds: expected 0 or an integer of at least 2, got "${flags.folds}"`);
      const seed = flags.seed === undefined ? undefined : Number(flags.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw new UserError(`--seed: expected an integer, got "${flags.seed}"`);
      const run = trainFromFiles({
        files: flags.data,
        out: flags.out,
        folds,
        config: seed === undefined ? {} : { seed },
        version: flags.modelVersion,
        excludeLockbox: flags.excludeLockbox ?? false,
        log: (m) => io.err(m + '\n'),
      });
      const cv = run.cv;
      io.out(
        `model ${run.model.version} written to ${run.file} (${((run.bytes ?? 0) / 1e6).toFixed(1)} MB) in ${run.seconds.toFixed(0)} s\n` +
          (cv ? `${folds}-fold CV: SI F1 ${cv.si.f1.toFixed(3)}, TC micro-F1 ${cv.tc.microF1.toFixed(3)}, FLC F1 ${cv.flc.f1.toFixed(3)}\n` : ''),
      );
    });
}
