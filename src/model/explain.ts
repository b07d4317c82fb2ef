/**
 * Why the technique classifier chose a technique for a span, in words a reader understands: the
 * words of the span that weigh most for it, and the other cues that do (word lists, the words around
 * it, a rule finding on the same words). A feature's weight for class c is its weight for c minus
 * its mean weight over all classes (the softmax is blind to a shift shared by every class), so what
 * counts is what speaks for this technique rather than another. The hashes are the classifier's own
 * (same templates, same mixing, same mask); cues it cannot name (character patterns, length,
 * punctuation, position) are left out of the words. Runs only for reported findings.
 */
import { TECHNIQUE_IDS, techniqueInfo } from '../core/taxonomy.js';
import { K_WORD } from '../text/tokenise.js';
import type { DocView } from './doc-view.js';
import { mix, mix3 } from './hash.js';
import type { LogRegWeights } from './logreg.js';
import { SPAN_TEMPLATES as P } from './templates.js';
import { BOS, EOS } from './word-cache.js';

export interface SpanExplanation {
  /** Token indices of the words that weigh most for the technique, strongest first (at most 3). */
  triggers: number[];
  /** Other cues that weigh for it, strongest first, in plain language (at most 2). */
  cues: string[];
}

/** The word lists of the model's lexicon table, as a reader would name them. */
const LIST_NAMES: Record<string, string> = {
  'doubt-cues': 'words that cast doubt',
  'fear-outcomes': 'words for feared outcomes',
  'fear-verbs': 'verbs of fear and threat',
  'flag-waving-countries': 'appeals to a country',
  'flag-waving-demonyms': 'appeals to a people',
  'guilt-by-association-villains': 'names of notorious villains',
  hedges: 'hedging words',
  'npm-hedges': 'hedging words',
  intensifiers: 'intensifiers',
  'loaded-language-weak': 'loaded words',
  'loaded-terms': 'loaded words',
  'name-calling-ideology': 'labels for people',
  'name-calling-labels': 'labels for people',
  'religions-ethnicities': 'religion or ethnicity words',
  'npm-buzzwords': 'buzzwords',
  'npm-fillers': 'filler words',
  'npm-weasel-words': 'weasel words',
  'npm-weasels': 'weasel words',
};

/** Weights below this (in logits) do not count as a reason. */
const MIN_WEIGHT = 0.05;

/** explainSpan's three strongest words so far: token indices and weights (scratch; not re-entered). */
const topK = new Int32Array(3);
const topX = new Float64Array(3);

export function explainSpan(m: LogRegWeights, lists: readonly string[], v: DocView, a: number, b: number, c: number): SpanExplanation {
  const weight = weigher(m, c);
  return { triggers: strongestWords(weight, v, a, b), cues: cuesOf(weight, lists, v, a, b) };
}

/** explainSpan as first written, every token's weights computed and sorted (the reference for tests). */
export function explainSpanPlain(m: LogRegWeights, lists: readonly string[], v: DocView, a: number, b: number, c: number): SpanExplanation {
  const weight = weigher(m, c);
  const t = v.doc.tokens;
  const scored: Array<{ k: number; x: number }> = [];
  for (let k = a; k < b; k++) {
    let x = weight(mix(P.word, v.wh[k]!));
    if (k > a) x += weight(mix3(P.bigram, v.wh[k - 1]!, v.wh[k]!)) / 2;
    if (k + 1 < b) x += weight(mix3(P.bigram, v.wh[k]!, v.wh[k + 1]!)) / 2;
    if (k === a) x += weight(mix(P.firstWord, v.wh[a]!));
    if (k === b - 1) x += weight(mix(P.lastWord, v.wh[b - 1]!));
    if (t.kind[k] !== K_WORD || v.masked[k] || v.lex[k]! & v.stopBit) continue;
    if (x > MIN_WEIGHT) scored.push({ k, x });
  }
  scored.sort((p, q) => q.x - p.x || p.k - q.k);
  return { triggers: scored.slice(0, 3).map((s) => s.k), cues: cuesOf(weight, lists, v, a, b) };
}

/** The weight of one feature hash for class c, against the mean class. */
function weigher(m: LogRegWeights, c: number): (h: number) => number {
  const K = m.classes;
  const mask = m.buckets - 1;
  const scale = m.scale ?? 1;
  const w = m.w;
  return (h: number): number => {
    const base = (h & mask) * K;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += w[base + k]!;
    return (w[base + c]! - sum / K) * scale;
  };
}

/**
 * The words of span [a, b) that weigh most (at most 3, strongest first): each word's own weight,
 * with half of each bigram it is in and the first/last-word features. Only words can be triggers:
 * names are hidden from the model (one placeholder) and never named as a reason; nor are stopwords
 * or punctuation. Their weights are not computed at all (about half a span's tokens), and a
 * bigram's weight, shared by two neighbouring words, is computed once: each is a random read in the
 * classifier's large table. The same sums in the same order as explainSpanPlain's, so the same
 * triggers (tested).
 */
function strongestWords(weight: (h: number) => number, v: DocView, a: number, b: number): number[] {
  const t = v.doc.tokens;
  let n = 0;
  /** The weight of the bigram (k - 1, k), when the previous word computed it (NaN: not computed). */
  let carried = NaN;
  for (let k = a; k < b; k++) {
    if (t.kind[k] !== K_WORD || v.masked[k] || v.lex[k]! & v.stopBit) {
      carried = NaN;
      continue;
    }
    let x = weight(mix(P.word, v.wh[k]!));
    if (k > a) x += (carried === carried ? carried : weight(mix3(P.bigram, v.wh[k - 1]!, v.wh[k]!))) / 2;
    carried = NaN;
    if (k + 1 < b) x += (carried = weight(mix3(P.bigram, v.wh[k]!, v.wh[k + 1]!))) / 2;
    if (k === a) x += weight(mix(P.firstWord, v.wh[a]!));
    if (k === b - 1) x += weight(mix(P.lastWord, v.wh[b - 1]!));
    if (!(x > MIN_WEIGHT)) continue;
    // Strongest first; on equal weight the earlier word stays ahead (as a stable sort keeps it).
    if (n === 3 && !(x > topX[2]!)) continue;
    let at = n < 3 ? n++ : 2;
    for (; at > 0 && topX[at - 1]! < x; at--) {
      topK[at] = topK[at - 1]!;
      topX[at] = topX[at - 1]!;
    }
    topK[at] = k;
    topX[at] = x;
  }
  const out: number[] = [];
  for (let j = 0; j < n; j++) out.push(topK[j]!);
  return out;
}

/** The other cues that weigh for the technique, strongest first, in plain language (at most 2). */
function cuesOf(weight: (h: number) => number, lists: readonly string[], v: DocView, a: number, b: number): string[] {
  const cues: Array<{ text: string; x: number }> = [];
  const before = (k: number) => (a - k >= 0 ? v.wh[a - k]! : BOS);
  const after = (k: number) => (b - 1 + k < v.n ? v.wh[b - 1 + k]! : EOS);
  let around = weight(mix(P.before1, before(1))) + weight(mix3(P.before2, before(2), before(1))) + weight(mix(P.after1, after(1))) + weight(mix3(P.after2, after(1), after(2)));
  for (let k = 2; k <= 4; k++) around += weight(mix(P.beforeFar, before(k))) + weight(mix(P.afterFar, after(k)));
  cues.push({ text: 'the words around it', x: around });
  let lx = 0;
  for (let k = a; k < b; k++) lx |= v.lex[k]!;
  const byName = new Map<string, number>();
  for (let bit = 0; bit < lists.length; bit++) {
    if (!(lx & (1 << bit)) || 1 << bit === v.stopBit) continue;
    const name = LIST_NAMES[lists[bit]!] ?? `words on its "${lists[bit]}" list`;
    byName.set(name, (byName.get(name) ?? 0) + weight(mix(P.listBit, bit)));
  }
  for (const [name, x] of byName) cues.push({ text: name, x });
  const tags = new Set<number>();
  for (let k = a; k < b; k++) for (const g of v.tags[k] ?? []) tags.add(g);
  for (const g of tags) {
    const id = TECHNIQUE_IDS[g - 1];
    if (id) cues.push({ text: `a rule finding of ${techniqueInfo(id).name.toLowerCase()} on these words`, x: weight(mix(P.ruleTag, g)) });
  }
  return cues
    .filter((q) => q.x > MIN_WEIGHT)
    .sort((p, q) => q.x - p.x)
    .slice(0, 2)
    .map((q) => q.text);
}

/** The explanation as the end of a finding's message: "the words “x” and “y” weigh most, then ...". */
export function explanationText(words: readonly string[], cues: readonly string[]): string {
  const quoted = words.map((x) => `“${x}”`);
  const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  if (quoted.length > 0) {
    const head = `the word${quoted.length > 1 ? 's' : ''} ${list(quoted)} weigh${quoted.length > 1 ? '' : 's'} most`;
    return cues.length > 0 ? `${head}, then ${list(cues)}` : head;
  }
  if (cues.length > 0) return `no single word decides; most weight comes from ${list(cues)}`;
  return 'no word or list stands out: its wording as a whole (character patterns, length, punctuation, place in the sentence) decides';
}
