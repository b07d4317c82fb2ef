import { createHash } from 'node:crypto';
import { defaultConfig, enabledTechniques, type ResolvedConfig } from '../core/config.js';
import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import type { NarrativePackInfo } from '../core/narratives.js';
import { CATEGORIES, TECHNIQUE_IDS, type CategoryId, type TechniqueId } from '../core/taxonomy.js';
import type { CollectedFinding, Detector } from '../detectors/engine/contract.js';
import { loadLexiconDir } from '../lexicon/load.js';
import { loadRuleFile } from '../detectors/engine/load.js';
import { RuleSet, type LoadedRuleFile } from '../detectors/engine/ruleset.js';
import { builtinCodeDetectors, builtinLexicons, builtinRuleFiles } from '../detectors/registry.js';
import { toOriginalSpan } from '../text/normalise.js';
import { segment, type Doc } from '../text/segment.js';
import { Vocab } from '../text/vocab.js';
import { prepareVocab } from '../lexicon/per-vocab.js';
import { VERSION } from '../version.js';
import { builtinLayers, createLayerContext, orderLayers, type ReportLayer } from '../layers/index.js';
import { narrativeModels } from '../layers/narratives/layer.js';
import { splitPackSpecs } from '../layers/narratives/pack.js';
import { loadDefaultModel, loadRuleJudge, type ModelDetector } from './model-hook.js';
import { reportFindings, settleFindings } from './report-findings.js';
import { settleExplanations } from './explanations.js';
import { dropSilenced } from './judging.js';
import type { Judge } from '../model/judge.js';
import { lowestFloor } from './default-cuts.js';

export interface AnalyzeOptions {
  /** Only these techniques (intersected with the config's). */
  techniques?: readonly TechniqueId[];
  /** Drop findings below this confidence (overrides the config's). */
  minConfidence?: number;
  /** Run the report layers (sourcing, frames, ...). Default true. */
  layers?: boolean;
}

export interface AnalyzerOptions {
  config?: ResolvedConfig;
  /** Use this model instead of the default artefact (null: rules only). */
  model?: ModelDetector | null;
  /**
   * The report layers to run (default: the built-in ones). Add your own with
   * `[...builtinLayers, myLayer]`; they are ordered by their declared `needs`.
   */
  layers?: readonly ReportLayer[];
  /**
   * Narrative packs: built-in names or pack files, as a list or `A,B` (overrides the config's
   * `narratives`; default the `disputes` pack; `none` for no narratives).
   */
  narratives?: string | readonly string[];
  /**
   * Calibrates every finding and decides which rules report (src/model/judge.ts). Default: the
   * model's judge when a model runs, else the rules-only judge shipped beside the default model;
   * null: findings keep the confidences their detectors gave and every rule reports.
   */
  judge?: Judge | null;
  /**
   * The vocabulary to tokenise with and compile into (default: a new one of this analyzer's own).
   * Analyzers that share one share its words; reports do not depend on which one an analyzer has.
   */
  vocab?: Vocab;
}

/** Called after each stage of the pipeline with its name (segment, rules, code:<id>, model, mentions, finalise, report, layer:<name>): StageTimer's hook. */
export type StageLap = (stage: string) => void;

/** An analysis run's findings before judging and finalising (canonical offsets), for training and evaluation. */
export interface CollectedRun {
  doc: Doc;
  findings: CollectedFinding[];
  errors: Report['errors'];
}

/**
 * Compiles rules once and analyses any number of texts. Creating one is the expensive part
 * (loading and compiling rule files); `analyze` is the hot path. Texts are tokenised with the
 * analyzer's vocabulary (`vocab`), into which its rules compile and the word structures of the
 * lexicon, detectors, layers and model bind before the first text.
 */
export class Analyzer {
  readonly config: ResolvedConfig;
  /** The vocabulary this analyzer's texts are tokenised with (Tokens.vocab). */
  readonly vocab: Vocab;
  readonly techniques: ReadonlySet<TechniqueId>;
  private readonly rules: RuleSet;
  private readonly ruleFiles: LoadedRuleFile[];
  private readonly lexicons: Map<string, string[]>;
  /** Rule sets compiled for technique subsets (`techniques` option), so a subset runs only its rules. */
  private readonly subsets = new Map<string, RuleSet>();
  private readonly code: readonly Detector[];
  private readonly model: ModelDetector | null;
  private readonly layers: readonly ReportLayer[];
  readonly judge: Judge | null;
  /**
   * Findings under this confidence are not reported unless a call asks otherwise (the judge's default
   * cuts may report a technique only from a higher one: src/analysis/default-cuts.ts).
   */
  readonly minConfidence: number;
  readonly engine: Report['engine'];

  constructor(options: AnalyzerOptions = {}) {
    const base = options.config ?? defaultConfig();
    this.config = options.narratives !== undefined ? { ...base, narratives: splitPackSpecs(options.narratives) } : base;
    this.techniques = enabledTechniques(this.config);
    const files: LoadedRuleFile[] = [...builtinRuleFiles(), ...this.config.rules.map((file) => ({ file, data: loadRuleFile(file) }))];
    const lexicons = new Map(builtinLexicons());
    for (const dir of this.config.lexicons) for (const [k, v] of loadLexiconDir(dir)) lexicons.set(k, v);
    this.ruleFiles = files.filter((f) => this.techniques.has(f.data.technique as TechniqueId));
    this.lexicons = lexicons;
    this.rules = new RuleSet(this.ruleFiles, lexicons);
    this.code = builtinCodeDetectors().filter((d) => this.techniques.has(d.meta.technique));
    this.layers = options.layers ? orderLayers(options.layers) : builtinLayers;
    this.model = options.model !== undefined ? options.model : this.config.model ? loadDefaultModel() : null;
    // Narrative packs compile (and, without shipped weights, train) now, so that a bad pack fails here.
    const narratives = this.layers.some((l) => l.name === 'narratives') ? narrativeModels(this.config) : [];
    this.judge = options.judge !== undefined ? options.judge : this.model ? (this.model.judge ?? null) : loadRuleJudge();
    this.minConfidence = this.config.minConfidence ?? (this.judge ? lowestFloor(this.judge) : 0);
    // Every word structure loaded (the narrative packs' too) binds to the vocabulary and the rules
    // compile into it before any text is tokenised with it, so texts get ids for all their words.
    this.vocab = options.vocab ?? new Vocab();
    prepareVocab(this.vocab);
    this.rules.compileFor(this.vocab);
    // Everything that changes output goes into the key, so stored analyses made under another
    // configuration are never mistaken for current ones: enabled rules, techniques, lexicons, threshold.
    const hash = createHash('sha1');
    for (const f of this.ruleFiles) hash.update(JSON.stringify(f.data));
    hash.update([...this.techniques].sort().join(','));
    for (const [k, v] of [...lexicons].sort()) hash.update(`${k}:${v.join('|')}`);
    hash.update(`min:${this.minConfidence}`);
    if (this.judge) hash.update(`judge:${JSON.stringify(this.judge)}`);
    if (options.layers) hash.update(`layers:${this.layers.map((l) => l.name).join(',')}`);
    for (const m of narratives) hash.update(`narratives:${m.pack.name}:${m.pack.hash}:${m.fingerprint}`);
    this.engine = { name: 'framewise', version: VERSION, rules: hash.digest('hex').slice(0, 12), model: this.model?.version ?? null };
  }

  /**
   * Analyses one text. Never throws on text content; throws UserError for input over the size limit.
   * `lap`, when given, is called after each stage (src/analysis/stages.ts times them).
   */
  analyze(input: string, options: AnalyzeOptions = {}, lap?: StageLap): Report {
    if (typeof input !== 'string') throw new UserError('input must be a string');
    if (input.length * 3 > this.config.maxInputBytes && Buffer.byteLength(input, 'utf8') > this.config.maxInputBytes) {
      throw new UserError(`input is ${Buffer.byteLength(input, 'utf8')} bytes, over the limit of ${this.config.maxInputBytes} (raise maxInputBytes)`);
    }
    // Explanations wait until finalising: only reported findings need one (explanations.ts).
    // Findings of rules the judge silences go once the model has read them (report-findings.ts).
    const { doc, findings: collected, errors } = this.collectPending(input, options, lap, this.judge);
    // No cut asked for (per call or in the config): the judge's default cuts.
    const minConfidence = options.minConfidence ?? this.config.minConfidence ?? null;
    const findings = reportFindings(doc, collected, this.judge, minConfidence, lap);
    lap?.('finalise');
    // Keys in taxonomy order, as Object.fromEntries would give them (no entry arrays per document).
    const byTechnique = {} as Record<TechniqueId, number>;
    for (const id of TECHNIQUE_IDS) byTechnique[id] = 0;
    const byCategory = {} as Record<CategoryId, number>;
    for (const id of CATEGORIES) byCategory[id] = 0;
    for (const f of findings) {
      byTechnique[f.technique]++;
      byCategory[f.category]++;
    }
    const span = (start: number, end: number) => {
      const [s, e] = toOriginalSpan(doc.nt, start, end);
      return { start: s, end: e, text: input.slice(s, e) };
    };
    const report: Report = {
      engine: this.engine,
      length: input.length,
      words: doc.words,
      sentences: doc.sentences.length,
      paragraphs: doc.paragraphs.length,
      headline: doc.headline ? span(doc.headline.start, doc.headline.end) : null,
      findings,
      counts: { total: findings.length, byTechnique, byCategory },
      ratePer1000Words: doc.words === 0 ? 0 : Math.round((findings.length * 1000 * 100) / doc.words) / 100,
      quotes: doc.quotes.map((q) => ({ ...span(q.start, q.end), open: q.open })),
      errors,
    };
    lap?.('report');
    if (options.layers !== false) {
      const ctx = createLayerContext({ doc, report, span, config: this.config });
      for (const layer of this.layers) {
        try {
          layer.apply(ctx);
        } catch (e) {
          errors.push({ detector: `layer:${layer.name}`, message: (e as Error).message });
        }
        lap?.(`layer:${layer.name}`);
      }
    }
    return report;
  }

  /**
   * Runs every detector (rules, code, then the model, which reads the rules' findings and sets their
   * judge evidence), drops findings inside mentions, and returns the findings before judging and
   * finalising: what the judge is trained on. With `keepMentions`, the raw findings (what the
   * model's rule features are made of).
   */
  collect(input: string, options: Pick<AnalyzeOptions, 'techniques'> & { keepMentions?: boolean } = {}, lap?: StageLap): CollectedRun {
    const run = this.collectPending(input, options, lap);
    settleExplanations(run.findings);
    return run;
  }

  /** collect(), with the findings' explanations still pending (analyze settles those it reports). */
  private collectPending(input: string, options: Pick<AnalyzeOptions, 'techniques'> & { keepMentions?: boolean }, lap?: StageLap, silencedBy: Judge | null = null): CollectedRun {
    const wanted = options.techniques && options.techniques.length > 0 ? new Set(options.techniques) : null;
    // The rules first: a subset's rule set compiles into the vocabulary before the text is tokenised.
    const rules = this.rulesFor(wanted);
    const doc = segment(input, this.vocab);
    lap?.('segment');
    const collected: CollectedFinding[] = [];
    const errors: Report['errors'] = [];
    const keep = (f: CollectedFinding) => (!wanted || wanted.has(f.technique)) && this.techniques.has(f.technique);

    for (const f of rules.run(doc)) if (keep(f)) collected.push(f);
    lap?.('rules');
    for (const d of this.code) {
      if (wanted && !wanted.has(d.meta.technique)) continue;
      runDetector(d, doc, collected, errors, keep);
      lap?.(`code:${d.meta.id}`);
    }
    if (this.model) {
      runDetector(this.model, doc, collected, errors, keep);
      lap?.('model');
    }
    // The model has read every rule finding already. Mention is not use, other senses, findings keep
    // to their quotations, plain headlines (src/analysis/report-findings.ts).
    if (!options.keepMentions) {
      if (silencedBy) dropSilenced(silencedBy, collected);
      settleFindings(doc, collected);
      lap?.('mentions');
    }
    return { doc, findings: collected, errors };
  }

  private rulesFor(wanted: ReadonlySet<TechniqueId> | null): RuleSet {
    if (!wanted) return this.rules;
    const key = [...wanted].filter((t) => this.techniques.has(t)).sort().join(',');
    let set = this.subsets.get(key);
    if (!set) {
      if (this.subsets.size >= 64) this.subsets.clear();
      set = new RuleSet(this.ruleFiles.filter((f) => wanted.has(f.data.technique as TechniqueId)), this.lexicons);
      set.compileFor(this.vocab);
      this.subsets.set(key, set);
    }
    return set;
  }

  /** The narrative packs this analyzer loads (none when its layers leave narratives out). */
  narrativePacks(): NarrativePackInfo[] {
    if (!this.layers.some((l) => l.name === 'narratives')) return [];
    return narrativeModels(this.config).map(({ pack }) => ({
      name: pack.name,
      title: pack.title,
      version: pack.version,
      description: pack.description,
      items: pack.items.map((it) => ({ id: it.id, label: it.label, level: it.level, parent: it.parent >= 0 ? pack.items[it.parent]!.id : null, description: it.description })),
    }));
  }

  /** The segmented document, for tools that need tokens and sentences (model training, layers). */
  segment(input: string): Doc {
    return segment(input, this.vocab);
  }
}

function runDetector(
  d: Detector,
  doc: Doc,
  out: CollectedFinding[],
  errors: Report['errors'],
  keep: (f: CollectedFinding) => boolean,
): void {
  const local: CollectedFinding[] = [];
  try {
    d.create({
      doc,
      findings: out,
      report: (r) => {
        const f: CollectedFinding = {
          technique: r.technique ?? d.meta.technique,
          start: r.start,
          end: r.end,
          confidence: r.confidence,
          message: r.message,
          ruleId: r.ruleId ?? d.meta.id,
          source: r.source ?? d.meta.source,
        };
        if (r.evidence) f.evidence = r.evidence;
        if (r.basis) f.basis = r.basis;
        if (r.explanation) f.explanation = r.explanation;
        local.push(f);
      },
    });
  } catch (e) {
    errors.push({ detector: d.meta.id, message: e instanceof Error ? e.message : String(e) });
    return;
  }
  for (const f of local) if (keep(f)) out.push(f);
}

let defaultAnalyzer: Analyzer | null = null;

/** The analyzer with the default configuration, created on first use. */
export function getDefaultAnalyzer(): Analyzer {
  defaultAnalyzer ??= new Analyzer();
  return defaultAnalyzer;
}

/** Analyses a text with the default configuration (rules plus the shipped model, when present). */
export function analyze(input: string, options?: AnalyzeOptions): Report {
  return getDefaultAnalyzer().analyze(input, options);
}
