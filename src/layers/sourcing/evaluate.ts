import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TextAnalyzer } from '../../core/report.js';
import { parseYamlFile } from '../../core/yaml.js';
import { SOURCING_CLASSES, type SourcingClass } from './classify.js';
import type { Quotation } from '../../core/sourcing.js';

export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface PRF {
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(correct: number, predicted: number, support: number): PRF {
  const precision = predicted ? correct / predicted : 0;
  const recall = support ? correct / support : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { support, predicted, correct, precision: r(precision), recall: r(recall), f1: r(f1) };
}

const ClassFixtures = z.object(Object.fromEntries(SOURCING_CLASSES.map((c) => [c, z.array(z.string().min(1)).default([])]))).strict();

/** `classes.yaml` is the development set; `classes-heldout.yaml` was written after the rules were frozen. */
export type ClassSet = 'classes' | 'classes-heldout' | 'classes-blind';

export function loadClassFixtures(set: ClassSet = 'classes'): Array<{ text: string; gold: SourcingClass }> {
  const file = `${FIXTURES_DIR}${set}.yaml`;
  const data = parseYamlFile(file, readFileSync(file, 'utf8'), ClassFixtures) as Record<SourcingClass, string[]>;
  return SOURCING_CLASSES.flatMap((gold) => data[gold].map((text) => ({ text, gold })));
}

export interface ClassEvaluation {
  perClass: Record<SourcingClass, PRF>;
  accuracy: number;
  macroF1: number;
  total: number;
  confusion: Record<SourcingClass, Record<SourcingClass, number>>;
  errors: Array<{ text: string; gold: SourcingClass; predicted: SourcingClass }>;
}

/** Precision and recall per sourcing class on the hand-annotated sentences (first sentence of each). */
export function evaluateClasses(analyzer: TextAnalyzer, set: ClassSet = 'classes'): ClassEvaluation {
  const fixtures = loadClassFixtures(set);
  const confusion = Object.fromEntries(SOURCING_CLASSES.map((g) => [g, Object.fromEntries(SOURCING_CLASSES.map((p) => [p, 0]))])) as ClassEvaluation['confusion'];
  const errors: ClassEvaluation['errors'] = [];
  let right = 0;
  for (const { text, gold } of fixtures) {
    const predicted = analyzer.analyze(text).sourcing?.sentences[0]?.class ?? 'unattributed-claim';
    confusion[gold][predicted]++;
    if (predicted === gold) right++;
    else errors.push({ text, gold, predicted });
  }
  const perClass = {} as Record<SourcingClass, PRF>;
  for (const c of SOURCING_CLASSES) {
    const support = SOURCING_CLASSES.reduce((n, p) => n + confusion[c][p], 0);
    const predicted = SOURCING_CLASSES.reduce((n, g) => n + confusion[g][c], 0);
    perClass[c] = prf(confusion[c][c], predicted, support);
  }
  const macroF1 = Math.round((SOURCING_CLASSES.reduce((s, c) => s + perClass[c].f1, 0) / SOURCING_CLASSES.length) * 1000) / 1000;
  return { perClass, accuracy: Math.round((right / fixtures.length) * 1000) / 1000, macroF1, total: fixtures.length, confusion, errors };
}

const GoldQuote = z
  .object({
    quote: z.string().min(1),
    speaker: z.string().nullable().optional(),
    role: z.string().optional(),
    affiliation: z.string().optional(),
    via: z.enum(['direct', 'pronoun', 'continuation', 'colon']).optional(),
    verb: z.string().optional(),
    tone: z.enum(['neutral', 'loaded']).optional(),
    kind: z.enum(['speech', 'phrase']).optional(),
    nested: z.boolean().optional(),
    headline: z.boolean().optional(),
  })
  .strict();
const QuoteFixtures = z.array(z.object({ text: z.string().min(1), quotes: z.array(GoldQuote).min(1) }).strict());
export type GoldQuote = z.infer<typeof GoldQuote>;

/** `quotations` is the development set; `quotations-blind` was written after the rules were frozen. */
export type QuoteSet = 'quotations' | 'quotations-blind';

export function loadQuoteFixtures(set: QuoteSet = 'quotations'): z.infer<typeof QuoteFixtures> {
  const file = `${FIXTURES_DIR}${set}.yaml`;
  return parseYamlFile(file, readFileSync(file, 'utf8'), QuoteFixtures);
}

const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/^the\s+/, '').trim();

/** Does a predicted quotation's speaker match the annotation (the prediction names the gold speaker)? */
export function speakerMatches(q: Quotation, gold: string | null | undefined): boolean {
  const pred = q.speaker ? q.speaker.resolved : null;
  if (!gold) return pred === null;
  return pred !== null && norm(pred).includes(norm(gold));
}

export interface QuoteEvaluation {
  quotes: number;
  found: number;
  speaker: PRF;
  /** Speaker accuracy per way of finding it (direct, pronoun, continuation, colon). */
  byVia: Record<string, { total: number; correct: number }>;
  verb: { total: number; correct: number };
  tone: { total: number; correct: number };
  kind: { total: number; correct: number };
  roleAffiliation: { total: number; correct: number };
  nestedHeadline: { total: number; correct: number };
  errors: string[];
}

/** Speaker, verb and tone accuracy on the hand-annotated quotation cases. */
export function evaluateQuotations(analyzer: TextAnalyzer, set: QuoteSet = 'quotations'): QuoteEvaluation {
  const ev: QuoteEvaluation = {
    quotes: 0, found: 0, speaker: prf(0, 0, 0), byVia: {}, verb: { total: 0, correct: 0 }, tone: { total: 0, correct: 0 },
    kind: { total: 0, correct: 0 }, roleAffiliation: { total: 0, correct: 0 }, nestedHeadline: { total: 0, correct: 0 }, errors: [],
  };
  let spCorrect = 0;
  let spPredicted = 0;
  let spSupport = 0;
  const tally = (t: { total: number; correct: number }, ok: boolean) => { t.total++; if (ok) t.correct++; };
  for (const fx of loadQuoteFixtures(set)) {
    const report = analyzer.analyze(fx.text);
    for (const g of fx.quotes) {
      ev.quotes++;
      // The innermost quotation holding the annotated words.
      const q = (report.quotations ?? []).filter((x) => x.content.text.includes(g.quote)).sort((a, b) => a.content.text.length - b.content.text.length)[0];
      if (g.speaker) spSupport++;
      if (!q) { ev.errors.push(`not found: ${g.quote}`); continue; }
      ev.found++;
      if (q.speaker) spPredicted++;
      const ok = speakerMatches(q, g.speaker);
      if (ok && g.speaker) spCorrect++;
      if (!ok) ev.errors.push(`speaker of "${g.quote}": expected ${g.speaker ?? 'none'}, got ${q.speaker?.resolved ?? 'none'}`);
      if (g.via) {
        const v = (ev.byVia[g.via] ??= { total: 0, correct: 0 });
        tally(v, ok && q.speaker?.via === g.via);
      }
      if (g.verb) tally(ev.verb, q.verb?.lemma === g.verb);
      if (g.tone) tally(ev.tone, q.verb?.tone === g.tone);
      if (g.kind) tally(ev.kind, q.kind === g.kind);
      if (g.role) tally(ev.roleAffiliation, norm(q.speaker?.role).includes(norm(g.role)));
      if (g.affiliation) tally(ev.roleAffiliation, norm(q.speaker?.affiliation).includes(norm(g.affiliation)));
      if (g.nested !== undefined) tally(ev.nestedHeadline, q.nested === g.nested);
      if (g.headline !== undefined) tally(ev.nestedHeadline, q.inHeadline === g.headline);
    }
  }
  ev.speaker = prf(spCorrect, spPredicted, spSupport);
  return ev;
}
