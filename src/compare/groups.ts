import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { CATEGORIES, TECHNIQUE_IDS, categoryOf, type CategoryId, type TechniqueId } from '../core/taxonomy.js';
import type { DocumentSummary, Store } from '../store/types.js';
import { benjaminiHochberg, poissonRateRatio } from './stats.js';
import type { CompareOptions, Comparison, ExampleSpan, GroupBy, GroupStats, RateComparison, TechniqueComparison } from '../core/compare.js';

/** The group a document has no value for (outlet or author missing). */
export const UNKNOWN_GROUP = '(unknown)';

export const METHOD =
  'Per technique, per category and overall, the group rate (findings per word) against the rest of the corpus: exact conditional binomial test ' +
  'of two Poisson rates, two-sided p-value, Clopper-Pearson 95% interval of the rate ratio, Benjamini-Hochberg correction within each ' +
  'family (techniques, categories, overall).';

type Untested = Omit<RateComparison, 'qValue' | 'significant' | 'direction'>;

/** The test of `count` in `words` against `restCount` in `restWords` (no test when either side has no words). */
function rateTest(count: number, words: number, restCount: number, restWords: number): Untested {
  const test = words > 0 && restWords > 0 && count + restCount > 0 ? poissonRateRatio(count, words, restCount, restWords) : null;
  return {
    count,
    ratePer1000Words: per1000(count, words),
    restCount,
    restRatePer1000Words: per1000(restCount, restWords),
    rateRatio: test ? finiteOrNull(test.ratio) : null,
    ci95: test?.ci ? [test.ci[0], Number.isFinite(test.ci[1]) ? test.ci[1] : null] : null,
    pValue: test ? test.p : 1,
  };
}

/** Adds BH q-values, significance and direction to one family of tests, in place order. */
function correct<T extends Untested>(family: T[], alpha: number): Array<T & RateComparison> {
  const q = benjaminiHochberg(family.map((t) => t.pValue));
  return family.map((t, i) => {
    const significant = q[i]! < alpha;
    const higher = t.ratePer1000Words > t.restRatePer1000Words || (t.restCount === 0 && t.count > 0);
    return { ...t, qValue: q[i]!, significant, direction: significant ? (higher ? 'higher' : 'lower') : 'same' };
  });
}

interface Acc {
  documents: number;
  words: number;
  findings: number;
  byTechnique: Map<TechniqueId, number>;
  byCategory: Map<CategoryId, number>;
  examples: Map<TechniqueId, ExampleSpan[]>;
}

const newAcc = (): Acc => ({ documents: 0, words: 0, findings: 0, byTechnique: new Map(), byCategory: new Map(), examples: new Map() });

const per1000 = (count: number, words: number) => (words === 0 ? 0 : Math.round(((count * 1000) / words) * 100) / 100);

/** The groups a document belongs to: one for outlet/author, one per (matching) tag. */
export function groupKeysOf(doc: Pick<DocumentSummary, 'outlet' | 'author' | 'tags'>, by: GroupBy, tagPrefix?: string): string[] {
  if (by === 'outlet') return [doc.outlet ?? UNKNOWN_GROUP];
  if (by === 'author') return [doc.author ?? UNKNOWN_GROUP];
  return tagPrefix ? doc.tags.filter((t) => t.startsWith(tagPrefix)) : doc.tags;
}

/**
 * Accumulates documents into groups, one at a time, keeping only counts and a few example spans per
 * group and technique: memory grows with the number of groups, not of documents.
 */
export class GroupAccumulator {
  private readonly groups = new Map<string, Acc>();
  private readonly total = newAcc();
  private readonly examplesPer: number;

  constructor(private readonly options: CompareOptions) {
    this.examplesPer = options.examples ?? 3;
  }

  add(doc: Pick<DocumentSummary, 'id' | 'title' | 'outlet' | 'author' | 'tags'>, report: Report): void {
    const keys = groupKeysOf(doc, this.options.by, this.options.tagPrefix);
    const min = this.options.minConfidence ?? 0;
    const findings = min > 0 ? report.findings.filter((f) => f.confidence >= min) : report.findings;
    const targets = [this.total];
    for (const k of new Set(keys)) {
      let acc = this.groups.get(k);
      if (!acc) this.groups.set(k, (acc = newAcc()));
      targets.push(acc);
    }
    for (const acc of targets) {
      acc.documents++;
      acc.words += report.words;
      acc.findings += findings.length;
    }
    for (const f of findings) {
      for (const acc of targets) {
        acc.byTechnique.set(f.technique, (acc.byTechnique.get(f.technique) ?? 0) + 1);
        acc.byCategory.set(f.category, (acc.byCategory.get(f.category) ?? 0) + 1);
      }
      if (this.examplesPer === 0) continue;
      for (const acc of targets.slice(1)) {
        let list = acc.examples.get(f.technique);
        if (!list) acc.examples.set(f.technique, (list = []));
        // Distinct wordings make better examples than the same word three times.
        const same = list.findIndex((e) => e.text.toLowerCase() === f.text.toLowerCase());
        if (same !== -1) {
          if (f.confidence <= list[same]!.confidence) continue;
          list.splice(same, 1);
        }
        if (list.length < this.examplesPer || f.confidence > list[list.length - 1]!.confidence) {
          list.push({ documentId: doc.id, title: doc.title, text: f.text, start: f.start, end: f.end, confidence: f.confidence });
          list.sort((x, y) => y.confidence - x.confidence || x.documentId - y.documentId || x.start - y.start);
          if (list.length > this.examplesPer) list.pop();
        }
      }
    }
  }

  /** The comparison of every group with the rest of the corpus. */
  result(engineKey: string): Comparison {
    const alpha = this.options.alpha ?? 0.05;
    const top = this.options.top ?? 5;
    const T = this.total;
    const keys = [...this.groups.keys()];
    const restOf = (g: Acc) => T.words - g.words;

    // Family 1: techniques (only those seen anywhere in the corpus).
    const techRows: Array<Untested & { group: string; technique: TechniqueId; category: CategoryId; examples: ExampleSpan[] }> = [];
    for (const key of keys) {
      const g = this.groups.get(key)!;
      for (const technique of TECHNIQUE_IDS) {
        const count = g.byTechnique.get(technique) ?? 0;
        const restCount = (T.byTechnique.get(technique) ?? 0) - count;
        if (count + restCount === 0) continue;
        techRows.push({ group: key, technique, category: categoryOf(technique), ...rateTest(count, g.words, restCount, restOf(g)), examples: g.examples.get(technique) ?? [] });
      }
    }
    // Family 2: categories; family 3: all findings.
    const catRows = keys.flatMap((key) => {
      const g = this.groups.get(key)!;
      return CATEGORIES.map((category) => {
        const count = g.byCategory.get(category) ?? 0;
        return { group: key, category, ...rateTest(count, g.words, (T.byCategory.get(category) ?? 0) - count, restOf(g)) };
      });
    });
    const overallRows = keys.map((key) => {
      const g = this.groups.get(key)!;
      return { group: key, ...rateTest(g.findings, g.words, T.findings - g.findings, restOf(g)) };
    });
    const strip = <X extends { group: string }>(x: X): Omit<X, 'group'> => {
      const { group: _group, ...rest } = x;
      return rest;
    };
    const techTested = correct(techRows, alpha);
    const catTested = correct(catRows, alpha);
    const overallTested = correct(overallRows, alpha);

    const groups: GroupStats[] = keys.map((key) => {
      const g = this.groups.get(key)!;
      const techniques: TechniqueComparison[] = techTested
        .filter((t) => t.group === key)
        .map(strip)
        .sort((x, y) => y.count - x.count || x.pValue - y.pValue || x.technique.localeCompare(y.technique));
      return {
        key,
        documents: g.documents,
        words: g.words,
        findings: g.findings,
        ratePer1000Words: per1000(g.findings, g.words),
        overall: strip(overallTested.find((o) => o.group === key)!),
        categoryMix: catTested
          .filter((c) => c.group === key)
          .map(({ group: _g, category, ...vsRest }) => ({ category, count: vsRest.count, share: g.findings === 0 ? 0 : vsRest.count / g.findings, vsRest })),
        techniques,
        top: techniques.filter((t) => t.count > 0).slice(0, top),
        significant: techniques.filter((t) => t.significant),
      };
    });
    groups.sort((x, y) => y.documents - x.documents || x.key.localeCompare(y.key));
    return {
      by: this.options.by,
      where: this.options.where ?? {},
      engineKey,
      alpha,
      method: METHOD,
      totals: { documents: T.documents, words: T.words, findings: T.findings, ratePer1000Words: per1000(T.findings, T.words) },
      groups,
    };
  }
}

function finiteOrNull(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : x;
}

export function validateCompareOptions(options: CompareOptions): void {
  if (!['outlet', 'tag', 'author'].includes(options.by)) throw new UserError(`by: expected outlet, tag or author, got "${String(options.by)}"`, { field: 'by' });
  if (options.alpha !== undefined && !(options.alpha > 0 && options.alpha < 1)) throw new UserError(`alpha: expected a number between 0 and 1, got ${options.alpha}`, { field: 'alpha' });
  for (const k of ['top', 'examples'] as const) {
    const v = options[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v <= 100)) throw new UserError(`${k}: expected an integer from 0 to 100, got ${v}`, { field: k });
  }
}

/**
 * Compares groups of the stored corpus (documents analysed with `engineKey`, matching
 * `options.where`), streaming the analyses so that memory stays flat on a large corpus.
 */
export async function compareGroups(store: Store, engineKey: string, options: CompareOptions): Promise<Comparison> {
  validateCompareOptions(options);
  const acc = new GroupAccumulator(options);
  for await (const { doc, report } of store.iterateAnalysed(engineKey, options.where)) acc.add(doc, report);
  return acc.result(engineKey);
}
