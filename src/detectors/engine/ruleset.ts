import type { Doc } from '../../text/segment.js';
import type { Tokens } from '../../text/tokenise.js';
import type { Vocab } from '../../text/vocab.js';
import { localIndex } from '../../text/hot-path.js';
import { PerVocab } from '../../lexicon/per-vocab.js';
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
 *
 * The rules compile into the vocabulary of the documents they run on, once per vocabulary (the
 * Analyzer compiles its rules into its vocabulary before it tokenises a text: `compileFor`). A
 * document tokenised before its vocabulary had the rules' words gets its ids refreshed for the run.
 */
export class RuleSet {
  private readonly compiled: PerVocab<CompiledRules>;
  /** Run states not in use (one, unless runs nest). */
  private readonly idle: RunState[] = [];
  readonly size: number;

  constructor(files: readonly LoadedRuleFile[], globalLexicons: ReadonlyMap<string, string[]> = new Map()) {
    let size = 0;
    for (const f of files) size += f.data.rules.length;
    this.size = size;
    // Compiled when a vocabulary first asks: rule sets belong to their owners, not to every vocabulary.
    this.compiled = new PerVocab((vocab) => compileRules(files, globalLexicons, vocab), { prepare: false });
  }

  /** Compiles the rules into `vocab` now (before texts are tokenised with it). */
  compileFor(vocab: Vocab): void {
    this.compiled.of(vocab);
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
    const t = doc.tokens;
    const compiled = this.compiled.of(t.vocab);
    if (t.vocabSize < compiled.vocabSize) doc = refreshed(doc);
    const state = this.idle.pop() ?? newRunState(compiled.rules.length);
    try {
      runRules(compiled, state, doc, out, report);
    } finally {
      clearRunState(state);
      this.idle.push(state);
    }
  }
}

/**
 * The document with its tokens' ids brought up to date: words its vocabulary has interned since the
 * text was tokenised get their ids (the rule tables know words by id only). Rare: the Analyzer
 * compiles its rules first; a rule set made later (a code detector's own) meets one such text per
 * vocabulary.
 */
function refreshed(doc: Doc): Doc {
  const t = doc.tokens;
  const vocab = t.vocab;
  const now = t.localWords.map((w) => vocab.get(w));
  const id = t.id.slice();
  for (let i = 0; i < t.count; i++) {
    const x = id[i]!;
    if (x < 0 && now[localIndex(x)]! >= 0) id[i] = now[localIndex(x)]!;
  }
  const tokens: Tokens = { ...t, id, vocabSize: vocab.size };
  return { ...doc, tokens };
}
