import type { Doc } from '../../text/segment.js';
import { compileRules, type CompiledRules, type LoadedRuleFile } from './compile.js';
import type { CollectedFinding } from './contract.js';
import { clearRunState, newRunState, runRules, type RunState } from './match.js';

export type { LoadedRuleFile } from './compile.js';
export { requiredFinalChar } from './regex-rule.js';
export { clauseAround, insideQuote } from './emit.js';

/**
 * Every data rule of the enabled techniques compiled into one matcher (compile.ts): a token trie
 * for lexicons, patterns indexed by an anchor word, regexes triggered by required words. One pass
 * over the tokens finds candidates for all of them (match.ts). Runs are re-entrant: each takes its
 * own run state (kept for reuse once the run is over), so a run started from another's report
 * callback, or a rule set shared by two documents at once, gives the same findings as runs one
 * after the other.
 */
export class RuleSet {
  private readonly compiled: CompiledRules;
  /** Run states not in use (one, unless runs nest). */
  private readonly idle: RunState[] = [];

  constructor(files: readonly LoadedRuleFile[], globalLexicons: ReadonlyMap<string, string[]> = new Map()) {
    this.compiled = compileRules(files, globalLexicons);
  }

  get size(): number {
    return this.compiled.rules.length;
  }

  /** The findings of every rule over the document. */
  run(doc: Doc): CollectedFinding[] {
    const out: CollectedFinding[] = [];
    this.runWith(doc, out, undefined);
    return out;
  }

  /** Reports each finding as it is found, in the order run() lists them. */
  scan(doc: Doc, report: (f: CollectedFinding) => void): void {
    this.runWith(doc, null, report);
  }

  private runWith(doc: Doc, out: CollectedFinding[] | null, report: ((f: CollectedFinding) => void) | undefined): void {
    const state = this.idle.pop() ?? newRunState(this.compiled.rules.length);
    try {
      runRules(this.compiled, state, doc, out, report);
    } finally {
      clearRunState(state);
      this.idle.push(state);
    }
  }
}
