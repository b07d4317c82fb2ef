import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { CommandResult } from '../main.js';
import { registerAnalyze } from './analyze.js';
import { registerEval } from './eval.js';
import { registerTrain } from './train.js';
import { registerAnalyzeCorpus } from './analyze-corpus.js';
import { registerEnqueue } from './enqueue.js';
import { registerQueue } from './queue.js';
import { registerWorker } from './worker.js';
import { registerServe } from './serve.js';
import { registerIngest } from './ingest.js';
import { registerCompare } from './compare.js';
import { registerStories } from './stories.js';

export type RegisterCommand = (program: Command, io: CliIO, result: CommandResult) => void;

/** Every CLI command, in one explicit list (help lists them in this order). */
export const commands: RegisterCommand[] = [registerAnalyze, registerAnalyzeCorpus, registerEnqueue, registerWorker, registerQueue, registerServe, registerIngest, registerCompare, registerStories, registerEval, registerTrain];
