import { K_WORD, tokenLower } from '../../text/tokenise.js';
import type { Doc } from '../../text/segment.js';
import type { Detector, DetectorContext } from '../engine/contract.js';
import { builtinLexicons } from '../lexicons.js';

/**
 * Confidences are low on purpose: PTC marks only some instances of a repeat, and against it these
 * rules reach 5-15% precision; their order follows that measured precision.
 *
 * Repetition, measured against PTC's Repetition spans: a repeated content word as such is almost
 * never the technique (about 1% of repeated word occurrences fall in a gold span; news repeats its
 * topic), so the detector reports only the repetition that is rhetorical:
 *   - sentences opening with the same words (anaphora: "We will not forget. We will not forgive."),
 *   - the same short quotation repeated (scare quotes, slogans: "so-called 'peace plan'" twice),
 *   - a loaded word or phrase used again (about 6% of such repeats are gold, four times the base rate),
 *   - a phrase of three or more words used again (about 3-5%),
 *   - a content word three times within one sentence ("lies, lies and more lies"),
 *   - a word doubled for emphasis ("never, never").
 */

const MIN_WORD_LENGTH = 4;
const MAX_QUOTE_LENGTH = 60;
const MIN_PHRASE = 4;
const MAX_PHRASE = 5;
/** Most tokens between two uses of a hammered word. */
const HAMMER_MAX_GAP = 6;

interface Lists {
  stop: Set<string>;
  loaded: Set<string>;
  /** Multi-word loaded terms, indexed by their first word. */
  loadedPhrases: Map<string, string[][]>;
}
let lists: Lists | null = null;
function load(): Lists {
  if (!lists) {
    const lex = builtinLexicons();
    const stop = new Set((lex.get('stopwords') ?? []).map((w) => w.toLowerCase()));
    const weak = new Set((lex.get('loaded-language-weak') ?? []).map((w) => w.toLowerCase()));
    const loaded = new Set<string>();
    const loadedPhrases = new Map<string, string[][]>();
    for (const raw of lex.get('loaded-terms') ?? []) {
      const term = raw.toLowerCase();
      if (weak.has(term) || term.endsWith('*')) continue;
      const words = term.split(/\s+/);
      if (words.length === 1) loaded.add(term);
      else {
        const list = loadedPhrases.get(words[0]!) ?? [];
        list.push(words);
        loadedPhrases.set(words[0]!, list);
      }
    }
    lists = { stop, loaded, loadedPhrases };
  }
  return lists;
}

export const repetitionDetector: Detector = {
  meta: {
    id: 'repetition/recurring-phrase',
    technique: 'repetition',
    description: 'Anaphora, repeated short quotations, repeated loaded terms and phrases, and words doubled for emphasis.',
    source: 'code',
  },
  create(ctx: DetectorContext) {
    const { doc } = ctx;
    const l = load();
    emphaticDoubling(ctx, doc);
    anaphora(ctx, doc, l);
    repeatedQuotes(ctx, doc);
    repeatedLoadedTerms(ctx, doc, l);
    repeatedPhrases(ctx, doc, l);
    sentenceHammering(ctx, doc, l);
  },
};

const lower = (doc: Doc, i: number) => tokenLower(doc.tokens, i);
const isWord = (doc: Doc, i: number) => doc.tokens.kind[i] === K_WORD;
const isContent = (doc: Doc, l: Lists, i: number) =>
  isWord(doc, i) && doc.tokens.end[i]! - doc.tokens.start[i]! >= MIN_WORD_LENGTH && !l.stop.has(lower(doc, i));
const isCapitalised = (doc: Doc, i: number) => {
  const c = doc.text.charCodeAt(doc.tokens.start[i]!);
  return c >= 65 && c <= 90;
};

/** "very, very", "never, never, never". */
function emphaticDoubling(ctx: DetectorContext, doc: Doc): void {
  const t = doc.tokens;
  for (let i = 1; i < t.count; i++) {
    if (!isWord(doc, i)) continue;
    const comma = i >= 2 && !isWord(doc, i - 1) && doc.text.slice(t.start[i - 1]!, t.end[i - 1]!) === ',';
    const prev = comma ? i - 2 : i - 1;
    if (prev < 0 || !isWord(doc, prev) || doc.tokenSentence[prev] !== doc.tokenSentence[i]) continue;
    if (lower(doc, prev) !== lower(doc, i) || /^\d/.test(lower(doc, i))) continue;
    // "had had", "that that" are grammar, not emphasis.
    if (['had', 'that', 'is', 'the', 'a', 'to', 'do', 'in', 'so'].includes(lower(doc, i)) && !comma) continue;
    ctx.report({
      start: t.start[prev]!,
      end: t.end[i]!,
      confidence: 0.3,
      ruleId: 'repetition/emphatic-doubling',
      message: `"${lower(doc, i)}" is repeated back to back for emphasis.`,
    });
  }
}

/** Consecutive sentences of a paragraph (or adjacent paragraphs) opening with the same 2-4 words. */
function anaphora(ctx: DetectorContext, doc: Doc, l: Lists): void {
  const t = doc.tokens;
  const opening = (s: number) => {
    const sent = doc.sentences[s]!;
    const words: number[] = [];
    for (let k = sent.tokenStart; k < sent.tokenEnd && words.length < 4; k++) {
      if (isWord(doc, k)) words.push(k);
      else if (words.length > 0) break;
    }
    return words;
  };
  for (let s = 1; s < doc.sentences.length; s++) {
    const a = opening(s - 1);
    const b = opening(s);
    let n = 0;
    while (n < a.length && n < b.length && lower(doc, a[n]!) === lower(doc, b[n]!)) n++;
    if (n < 2) continue;
    // Two function words ("It is", "This is") open sentences all the time; need a content word or three words.
    const shared = b.slice(0, n);
    // A shared name ("Freedonia's parliament ... Freedonia's president") is not anaphora either.
    if (n === 2 && !shared.some((k) => isContent(doc, l, k) && !isCapitalised(doc, k))) continue;
    // Bylines, list items and datelines repeat by layout, not rhetoric.
    if (shared.every((k) => isCapitalised(doc, k))) continue;
    for (const words of s === 1 || !sameOpening(doc, opening(s - 2), a, n) ? [a.slice(0, n), shared] : [shared]) {
      ctx.report({
        start: t.start[words[0]!]!,
        end: t.end[words[words.length - 1]!]!,
        confidence: n >= 3 ? 0.3 : 0.25,
        ruleId: 'repetition/anaphora',
        message: `Consecutive sentences open with the same words ("${doc.text.slice(t.start[shared[0]!]!, t.end[shared[n - 1]!]!)}").`,
      });
    }
  }
}

function sameOpening(doc: Doc, x: number[], y: number[], n: number): boolean {
  if (x.length < n) return false;
  for (let k = 0; k < n; k++) if (lower(doc, x[k]!) !== lower(doc, y[k]!)) return false;
  return true;
}

/** The same short quotation (a scare-quoted label, a slogan) used twice or more. */
function repeatedQuotes(ctx: DetectorContext, doc: Doc): void {
  const byText = new Map<string, Array<[number, number]>>();
  for (const q of doc.quotes) {
    if (q.open || q.contentEnd - q.contentStart > MAX_QUOTE_LENGTH || q.contentEnd - q.contentStart < 3) continue;
    const key = doc.text.slice(q.contentStart, q.contentEnd).toLowerCase().replace(/[\s.,!?]+$/u, '').replace(/\s+/g, ' ');
    let list = byText.get(key);
    if (!list) byText.set(key, (list = []));
    list.push([q.contentStart, q.contentEnd]);
  }
  for (const [key, list] of byText) {
    if (list.length < 2) continue;
    for (const [start, end] of list) {
      ctx.report({
        start,
        end,
        confidence: 0.4,
        ruleId: 'repetition/repeated-quotation',
        message: `The quoted words "${key}" recur ${list.length} times.`,
      });
    }
  }
}

/** A loaded word or phrase (src/lexicons/loaded-terms.txt) used more than once: every use after the first. */
function repeatedLoadedTerms(ctx: DetectorContext, doc: Doc, l: Lists): void {
  const t = doc.tokens;
  const seen = new Map<string, number>();
  for (let i = 0; i < t.count; i++) {
    if (!isWord(doc, i)) continue;
    const w = lower(doc, i);
    let key: string | null = null;
    let end = i;
    for (const p of l.loadedPhrases.get(w) ?? []) {
      if (i + p.length > t.count) continue;
      let ok = true;
      for (let k = 1; k < p.length && ok; k++) ok = lower(doc, i + k) === p[k];
      if (ok) {
        key = p.join(' ');
        end = i + p.length - 1;
        break;
      }
    }
    if (key === null && l.loaded.has(w)) key = w;
    if (key === null) continue;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n >= 2) {
      ctx.report({
        start: t.start[i]!,
        end: t.end[end]!,
        confidence: 0.3,
        ruleId: 'repetition/repeated-loaded-term',
        message: `The loaded term "${key}" is used again (${n} times so far).`,
      });
    }
    i = end;
  }
}

/** Phrases of 3..5 words, starting and ending with content words, used twice or more: every use after the first. */
function repeatedPhrases(ctx: DetectorContext, doc: Doc, l: Lists): void {
  const t = doc.tokens;
  const covered = new Uint8Array(t.count);
  for (let len = MAX_PHRASE; len >= MIN_PHRASE; len--) {
    const seen = new Map<string, number[]>();
    for (let i = 0; i + len <= t.count; i++) {
      if (!isContent(doc, l, i) || !isContent(doc, l, i + len - 1)) continue;
      if (doc.tokenSentence[i] !== doc.tokenSentence[i + len - 1]) continue;
      let key = '';
      let ok = true;
      let names = false;
      for (let k = 0; k < len && ok; k++) {
        ok = isWord(doc, i + k);
        key += `${lower(doc, i + k)} `;
        if (isCapitalised(doc, i + k) && i + k !== doc.sentences[doc.tokenSentence[i]!]!.tokenStart) names = true;
      }
      // A phrase with a name in it ("confirmed to the Supreme Court") recurs because the story is about it.
      if (!ok || names) continue;
      let list = seen.get(key);
      if (!list) seen.set(key, (list = []));
      if (list.length === 0 || list[list.length - 1]! + len <= i) list.push(i);
    }
    for (const [key, list] of seen) {
      if (list.length < 2) continue;
      for (let k = 1; k < list.length; k++) {
        const i = list[k]!;
        if (covered[i]) continue;
        for (let j = i; j < i + len; j++) covered[j] = 1;
        ctx.report({
          start: t.start[i]!,
          end: t.end[i + len - 1]!,
          confidence: 0.25,
          ruleId: 'repetition/recurring-phrase',
          message: `The phrase "${key.trim()}" is used ${list.length} times.`,
        });
      }
    }
  }
}

/** One content word three or more times in a single sentence: "lies, lies and more lies". */
function sentenceHammering(ctx: DetectorContext, doc: Doc, l: Lists): void {
  const t = doc.tokens;
  for (const s of doc.sentences) {
    const at = new Map<string, number[]>();
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!isContent(doc, l, i)) continue;
      const w = lower(doc, i);
      let list = at.get(w);
      if (!list) at.set(w, (list = []));
      list.push(i);
    }
    for (const [w, list] of at) {
      if (list.length < 3 || list.every((i) => isCapitalised(doc, i))) continue;
      // Hammering is close-packed: "lied about X, lied about Y and lied about Z".
      if (list.some((i, k) => k > 0 && i - list[k - 1]! > HAMMER_MAX_GAP)) continue;
      for (const i of list) {
        ctx.report({
          start: t.start[i]!,
          end: t.end[i]!,
          confidence: 0.3,
          ruleId: 'repetition/hammered-word',
          message: `"${w}" is used ${list.length} times in one sentence.`,
        });
      }
    }
  }
}
