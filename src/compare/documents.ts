import { CATEGORIES, TECHNIQUE_IDS, categoryOf } from '../core/taxonomy.js';
import { builtinLexicon } from '../lexicon/builtin.js';
import { normalise } from '../text/normalise.js';
import { K_WORD, tokenise, tokenLower } from '../text/tokenise.js';
import type { DocumentComparison, KeyPhrase, SideInput } from '../core/compare.js';
import { byWeight, weighPhrases } from './key-phrases.js';
import { Vocab } from '../text/vocab.js';

let stopwords: ReadonlySet<string> | null = null;
function stopwordSet(): ReadonlySet<string> {
  stopwords ??= new Set(builtinLexicon('stopwords').map((w) => w.toLowerCase()));
  return stopwords;
}

const MAX_N = 3;

/**
 * Counts the content-word n-grams (1 to 3 words) of a text: runs of words that are not stopwords,
 * at least three letters long, and not separated by punctuation, lowercased.
 */
export function contentNgrams(text: string, maxN = MAX_N): Map<string, number> {
  const stop = stopwordSet();
  const t = tokenise(normalise(text).text, new Vocab());
  const counts = new Map<string, number>();
  let run: string[] = [];
  const close = () => {
    for (let i = 0; i < run.length; i++) {
      for (let n = 1; n <= maxN && i + n <= run.length; n++) {
        const g = run.slice(i, i + n).join(' ');
        counts.set(g, (counts.get(g) ?? 0) + 1);
      }
    }
    run = [];
  };
  for (let k = 0; k < t.count; k++) {
    const w = t.kind[k] === K_WORD ? tokenLower(t, k) : null;
    if (w === null || w.length < 3 || stop.has(w) || /^[\d.,'’-]+$/.test(w)) close();
    else run.push(w);
  }
  close();
  return counts;
}

/**
 * Drops an n-gram when a longer kept n-gram contains it with the same counts on both sides
 * ("river" when every "river" is in "river valley"): the longer phrase says more.
 */
function dropSubsumed(list: KeyPhrase[]): KeyPhrase[] {
  const byLength = [...list].sort((x, y) => y.phrase.split(' ').length - x.phrase.split(' ').length);
  const kept: KeyPhrase[] = [];
  for (const p of byLength) {
    const inner = ` ${p.phrase} `;
    if (kept.some((k) => k.a === p.a && k.b === p.b && ` ${k.phrase} `.includes(inner))) continue;
    kept.push(p);
  }
  return kept;
}


/**
 * Two documents side by side: technique and category counts of each, and the key phrases they
 * share or that only one of them has (a first, claims-level view of what each covers or leaves out),
 * ranked by what they say about the pair (log-odds with an informative prior: src/compare/key-phrases.ts).
 */
export function compareDocuments(a: SideInput, b: SideInput, options: { phrases?: number } = {}): DocumentComparison {
  const limit = options.phrases ?? 15;
  const side = (s: SideInput) => ({
    id: s.id ?? null,
    title: s.title ?? null,
    outlet: s.outlet ?? null,
    words: s.report.words,
    findings: s.report.findings.length,
    ratePer1000Words: s.report.ratePer1000Words,
  });
  const count = (s: SideInput) => {
    const m = new Map<string, number>();
    for (const f of s.report.findings) m.set(f.technique, (m.get(f.technique) ?? 0) + 1);
    return m;
  };
  const ta = count(a);
  const tb = count(b);
  const techniques = TECHNIQUE_IDS.filter((t) => ta.has(t) || tb.has(t))
    .map((technique) => ({ technique, category: categoryOf(technique), a: ta.get(technique) ?? 0, b: tb.get(technique) ?? 0 }))
    .sort((x, y) => y.a + y.b - (x.a + x.b) || x.technique.localeCompare(y.technique));
  const categories = CATEGORIES.map((category) => ({
    category,
    a: a.report.findings.filter((f) => f.category === category).length,
    b: b.report.findings.filter((f) => f.category === category).length,
  }));

  const ga = contentNgrams(a.text);
  const gb = contentNgrams(b.text);
  const all: KeyPhrase[] = [];
  for (const [phrase, n] of ga) all.push({ phrase, a: n, b: gb.get(phrase) ?? 0 });
  for (const [phrase, n] of gb) if (!ga.has(phrase)) all.push({ phrase, a: 0, b: n });
  const kept = weighPhrases(dropSubsumed(all));
  const pick = (keep: (p: KeyPhrase) => boolean) => kept.filter(keep).sort(byWeight).slice(0, limit).map(({ phrase, a, b }) => ({ phrase, a, b }));
  const shared = pick((p) => p.a > 0 && p.b > 0);
  const onlyA = pick((p) => p.b === 0);
  const onlyB = pick((p) => p.a === 0);
  return { a: side(a), b: side(b), techniques, categories, phrases: { shared, onlyA, onlyB } };
}
