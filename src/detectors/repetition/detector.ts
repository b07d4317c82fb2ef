import { F_CAP, F_CAP_ASCII, K_WORD, tokenLower } from '../../text/tokenise.js';
import type { Doc } from '../../text/segment.js';
import type { Detector, DetectorContext } from '../engine/contract.js';
import { boilerplateSentences, inBoilerplate } from './boilerplate.js';
import { sentenceHammering } from './hammering.js';
import { builtinLexicons } from '../../lexicon/builtin.js';
import { WordInts } from '../../lexicon/word-memo.js';

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

/** Word facts, as bits of one integer per word: a stopword, a loaded word, and (above bit 2) 1 + the index of the loaded phrases it starts. */
const STOP = 1;
const LOADED = 2;
const PHRASES_SHIFT = 2;

interface Lists {
  words: WordInts;
  /** Multi-word loaded terms, by the index in a word's facts. */
  phraseLists: string[][][];
}
let lists: Lists | null = null;
function load(): Lists {
  if (!lists) {
    const lex = builtinLexicons();
    const stop = new Set((lex.get('stopwords') ?? []).map((w) => w.toLowerCase()));
    const weak = new Set((lex.get('loaded-language-weak') ?? []).map((w) => w.toLowerCase()));
    const loaded = new Set<string>();
    const loadedPhrases = new Map<string, string[][]>();
    // Loaded terms and the labels name calling uses: what PTC annotators mark as repeated.
    for (const raw of [...(lex.get('loaded-terms') ?? []), ...(lex.get('name-calling-labels') ?? [])]) {
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
    const phraseLists = [...loadedPhrases.values()];
    const phraseIndex = new Map([...loadedPhrases.keys()].map((w, k) => [w, k]));
    const words = new WordInts((w) => {
      const p = phraseIndex.get(w);
      return (stop.has(w) ? STOP : 0) | (loaded.has(w) ? LOADED : 0) | (p === undefined ? 0 : (p + 1) << PHRASES_SHIFT);
    });
    lists = { words, phraseLists };
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
    const t = doc.tokens;
    // Content words (long enough, not stopwords), decided once per token.
    const content = scratch(t.count);
    const facts = factScratch(t.count);
    l.words.fill(t, facts);
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] === K_WORD && t.end[i]! - t.start[i]! >= MIN_WORD_LENGTH && (facts[i]! & STOP) === 0) content[i] = 1;
    }
    // Lines a page repeats verbatim (a poll widget, a byline, a share prompt) are layout, not
    // rhetoric: their words count for no repetition and their findings are dropped.
    const boiler = boilerplateSentences(doc);
    if (boiler) for (const s of doc.sentences) if (boiler.has(s.index)) for (let i = s.tokenStart; i < s.tokenEnd; i++) facts[i] = content[i] = 0;
    const report = ctx.report;
    const local: DetectorContext = boiler ? { ...ctx, report: (f) => void (inBoilerplate(doc, boiler, f.start) || report(f)) } : ctx;
    emphaticDoubling(local, doc);
    anaphora(local, doc, content);
    repeatedQuotes(local, doc);
    repeatedLoadedTerms(local, doc, l, facts);
    repeatedPhrases(local, doc, content);
    sentenceHammering(local, doc, content);
    releaseScratch(t.count);
  },
};

/** Per-token scratch reused across documents (zeroed where read before written). */
let contentScratch = new Uint8Array(0);
let coveredScratch = new Uint8Array(0);
let intScratch: Int32Array[] = [];
let intScratchSize = 0;
/** Hash table of repeatedPhrases (the first `size` entries are used). */
let tableScratch = new Int32Array(0);
/** Scratch of an unusually long document is dropped after use instead of kept. */
const MAX_KEPT_TOKENS = 1 << 17;

let factsScratch = new Int32Array(0);

function factScratch(n: number): Int32Array {
  if (factsScratch.length < n) factsScratch = new Int32Array(Math.max(n, 2 * factsScratch.length, 1024));
  return factsScratch;
}

function scratch(n: number): Uint8Array {
  if (contentScratch.length < n) contentScratch = new Uint8Array(Math.max(n, 2 * contentScratch.length, 1024));
  else contentScratch.fill(0, 0, n);
  return contentScratch;
}

/** Six Int32Arrays of at least n + 1 entries and a zeroed Uint8Array of n (contents undefined otherwise). */
function phraseScratch(n: number): { ints: Int32Array[]; covered: Uint8Array } {
  if (intScratchSize < n + 1) {
    intScratchSize = Math.max(n + 1, 2 * intScratchSize, 1024);
    intScratch = [0, 1, 2, 3, 4, 5].map(() => new Int32Array(intScratchSize));
    coveredScratch = new Uint8Array(intScratchSize);
  } else coveredScratch.fill(0, 0, n);
  return { ints: intScratch, covered: coveredScratch };
}

function releaseScratch(n: number): void {
  if (n <= MAX_KEPT_TOKENS) return;
  contentScratch = new Uint8Array(0);
  factsScratch = new Int32Array(0);
  coveredScratch = new Uint8Array(0);
  intScratch = [];
  intScratchSize = 0;
  tableScratch = new Int32Array(0);
}

// Token ids stand for lowercased forms (one id per form within a document), so equal ids are equal words.
const lower = (doc: Doc, i: number) => tokenLower(doc.tokens, i);
const isWord = (doc: Doc, i: number) => doc.tokens.kind[i] === K_WORD;
/** Does word token i start with A-Z? (The tokeniser's flag, not a read of the text.) */
const isCapitalised = (doc: Doc, i: number) => (doc.tokens.flags[i]! & F_CAP_ASCII) !== 0;

/** "had had", "that that" are grammar, not emphasis. */
const GRAMMAR_DOUBLES = new Set(['had', 'that', 'is', 'the', 'a', 'to', 'do', 'in', 'so']);

/** "very, very", "never, never, never". */
function emphaticDoubling(ctx: DetectorContext, doc: Doc): void {
  const t = doc.tokens;
  for (let i = 1; i < t.count; i++) {
    if (t.kind[i] !== K_WORD) continue;
    // The earlier use is the token before or, after a comma, the one before that: same id first.
    if (t.id[i - 1] !== t.id[i] && (i < 2 || t.id[i - 2] !== t.id[i])) continue;
    const comma = i >= 2 && t.kind[i - 1] !== K_WORD && t.end[i - 1]! - t.start[i - 1]! === 1 && doc.text.charCodeAt(t.start[i - 1]!) === 44;
    const prev = comma ? i - 2 : i - 1;
    if (prev < 0 || t.kind[prev] !== K_WORD || t.id[prev] !== t.id[i] || doc.tokenSentence[prev] !== doc.tokenSentence[i]) continue;
    const w = lower(doc, i);
    if (/^\d/.test(w)) continue;
    if (!comma && GRAMMAR_DOUBLES.has(w)) continue;
    ctx.report({
      start: t.start[prev]!,
      end: t.end[i]!,
      confidence: 0.3,
      ruleId: 'repetition/emphatic-doubling',
      message: `"${w}" is repeated back to back for emphasis.`,
    });
  }
}

/**
 * The first 2-4 words opening sentence s (stops at the first non-word after a word): they are
 * consecutive tokens, returned as start * 8 + count (0 when the sentence has no word), so that
 * no array is allocated per sentence.
 */
function opening(doc: Doc, s: number): number {
  const sent = doc.sentences[s]!;
  let start = 0;
  let count = 0;
  for (let k = sent.tokenStart; k < sent.tokenEnd && count < 4; k++) {
    if (isWord(doc, k)) {
      if (count === 0) start = k;
      count++;
    } else if (count > 0) break;
  }
  return count === 0 ? 0 : start * 8 + count;
}

/** Consecutive sentences of a paragraph (or adjacent paragraphs) opening with the same 2-4 words. */
function anaphora(ctx: DetectorContext, doc: Doc, content: Uint8Array): void {
  const t = doc.tokens;
  // Openings as start * 8 + count (see opening); `before` is -1 until set.
  let before = -1;
  let a = doc.sentences.length > 1 ? opening(doc, 0) : 0;
  for (let s = 1; s < doc.sentences.length; s++) {
    const b = opening(doc, s);
    const prevA = a;
    const prevBefore = before;
    before = a;
    a = b;
    const aStart = prevA >> 3;
    const aCount = prevA & 7;
    const bStart = b >> 3;
    const bCount = b & 7;
    let n = 0;
    while (n < aCount && n < bCount && t.id[aStart + n] === t.id[bStart + n]) n++;
    if (n < 2) continue;
    // Two function words ("It is", "This is") open sentences all the time; need a content word or three words.
    // The shared words are tokens [bStart, bStart + n).
    let someContent = false;
    let allCapitalised = true;
    for (let k = bStart; k < bStart + n; k++) {
      const cap = isCapitalised(doc, k);
      if (content[k] === 1 && !cap) someContent = true;
      if (!cap) allCapitalised = false;
    }
    // A shared name ("Freedonia's parliament ... Freedonia's president") is not anaphora either.
    if (n === 2 && !someContent) continue;
    // Bylines, list items and datelines repeat by layout, not rhetoric.
    if (allCapitalised) continue;
    const message = `Consecutive sentences open with the same words ("${doc.text.slice(t.start[bStart]!, t.end[bStart + n - 1]!)}").`;
    const confidence = n >= 3 ? 0.3 : 0.25;
    if (s === 1 || !sameOpening(doc, prevBefore, aStart, n)) {
      ctx.report({ start: t.start[aStart]!, end: t.end[aStart + n - 1]!, confidence, ruleId: 'repetition/anaphora', message });
    }
    ctx.report({ start: t.start[bStart]!, end: t.end[bStart + n - 1]!, confidence, ruleId: 'repetition/anaphora', message });
  }
}

/** Do opening x (start * 8 + count) and the words from token y share their first n words? */
function sameOpening(doc: Doc, x: number, y: number, n: number): boolean {
  if ((x & 7) < n) return false;
  const xs = x >> 3;
  for (let k = 0; k < n; k++) if (doc.tokens.id[xs + k] !== doc.tokens.id[y + k]) return false;
  return true;
}

/** Is c a unit that the regex class \s matches (WhiteSpace or LineTerminator)? */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A lowercased quotation as a grouping key: what `.replace(/[\s.,!?]+$/u, '').replace(/\s+/g, ' ')`
 * gives (trailing whitespace and . , ! ? dropped, each whitespace run one space), in one scan.
 */
function quoteKey(w: string): string {
  let e = w.length;
  for (; e > 0; e--) {
    const c = w.charCodeAt(e - 1);
    if (!(c === 46 || c === 44 || c === 33 || c === 63 || isJsSpace(c))) break;
  }
  // Whitespace other than single spaces needs rewriting; most quotations have none.
  let plain = true;
  for (let k = 0; k < e && plain; k++) {
    const c = w.charCodeAt(k);
    if (c === 32) plain = k + 1 >= e || !isJsSpace(w.charCodeAt(k + 1));
    else if (isJsSpace(c)) plain = false;
  }
  if (plain) return e === w.length ? w : w.slice(0, e);
  let out = '';
  let from = 0;
  for (let k = 0; k < e; ) {
    if (!isJsSpace(w.charCodeAt(k))) {
      k++;
      continue;
    }
    let j = k + 1;
    while (j < e && isJsSpace(w.charCodeAt(j))) j++;
    out += w.slice(from, k) + ' ';
    from = k = j;
  }
  return out + w.slice(from, e);
}

/** The same short quotation (a scare-quoted label, a slogan) used twice or more. */
function repeatedQuotes(ctx: DetectorContext, doc: Doc): void {
  if (doc.quotes.length < 2) return;
  const byText = new Map<string, Array<[number, number]>>();
  for (const q of doc.quotes) {
    if (q.open || q.contentEnd - q.contentStart > MAX_QUOTE_LENGTH || q.contentEnd - q.contentStart < 3) continue;
    const key = quoteKey(doc.text.slice(q.contentStart, q.contentEnd).toLowerCase());
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

/**
 * A loaded word or phrase (src/lexicon/lists/loaded-terms.txt) or a name-calling label used three
 * times or more: every use after the first (measured on PTC: a term used only twice is seldom marked).
 */
function repeatedLoadedTerms(ctx: DetectorContext, doc: Doc, l: Lists, facts: Int32Array): void {
  const t = doc.tokens;
  let seen: Map<string, number> | null = null;
  const uses: Array<{ key: string; start: number; end: number }> = [];
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== K_WORD) continue;
    let key: string | null = null;
    let end = i;
    const fact = facts[i]!;
    if (fact === 0) continue;
    if (fact >> PHRASES_SHIFT !== 0) {
      const phrases = l.phraseLists[(fact >> PHRASES_SHIFT) - 1]!;
      for (const p of phrases) {
        if (i + p.length > t.count) continue;
        let ok = true;
        for (let k = 1; k < p.length && ok; k++) ok = lower(doc, i + k) === p[k];
        if (ok) {
          key = p.join(' ');
          end = i + p.length - 1;
          break;
        }
      }
    }
    if (key === null && (fact & LOADED) !== 0) key = lower(doc, i);
    if (key === null) continue;
    seen ??= new Map();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n >= 2) uses.push({ key, start: t.start[i]!, end: t.end[end]! });
    i = end;
  }
  for (const u of uses) {
    const n = seen!.get(u.key)!;
    if (n < MIN_LOADED_USES) continue;
    ctx.report({
      start: u.start,
      end: u.end,
      confidence: 0.3,
      ruleId: 'repetition/repeated-loaded-term',
      message: `The loaded term "${u.key}" is used ${n} times.`,
    });
  }
}

const MIN_LOADED_USES = 3;

/**
 * Phrases of 3..5 words, starting and ending with content words, used twice or more: every use after the first.
 * Phrases are grouped by their token ids (hashed, then compared), in order of first use.
 */
function repeatedPhrases(ctx: DetectorContext, doc: Doc, content: Uint8Array): void {
  const t = doc.tokens;
  const n = t.count;
  if (n < MIN_PHRASE) return;
  const ids = t.id;
  // A token no phrase may contain: a non-word, or a capitalised word inside its sentence (a name:
  // "confirmed to the Supreme Court" recurs because the story is about it). cleanUntil[i] is the
  // first such token at or after i.
  const { ints, covered } = phraseScratch(n);
  const flags = t.flags;
  const cleanUntil = ints[0]!;
  cleanUntil[n] = n;
  // Phrase starts: content words with at least MIN_PHRASE clean tokens from them, listed in
  // descending order (only these can start a phrase of any length below).
  const starts = ints[5]!;
  let m = 0;
  for (let i = n - 1; i >= 0; i--) {
    // F_CAP is set on every token starting with A-Z: the text is read only for capitalised tokens.
    const bad = t.kind[i] !== K_WORD || ((flags[i]! & F_CAP) !== 0 && isCapitalised(doc, i) && i !== doc.sentences[doc.tokenSentence[i]!]!.tokenStart);
    const until = bad ? i : cleanUntil[i + 1]!;
    cleanUntil[i] = until;
    if (content[i] === 1 && until >= i + MIN_PHRASE) starts[m++] = i;
  }
  // A repeat needs two starts.
  if (m < 2) return;

  // Groups of equal phrases, in order of first use: first position, accepted positions as a linked
  // list (head, tail, count), and the next group in the same hash slot. The hash table is open
  // addressing over group numbers + 1.
  const gFirst = ints[1]!;
  const gTail = ints[2]!;
  const gCount = ints[3]!;
  const posNext = ints[4]!;
  let size = 16;
  while (size < 2 * n) size <<= 1;
  if (tableScratch.length < size) tableScratch = new Int32Array(size);
  const table = tableScratch;
  const mask = size - 1;
  for (let len = MAX_PHRASE; len >= MIN_PHRASE; len--) {
    table.fill(0, 0, size);
    let groups = 0;
    let repeats = false;
    for (let c = m - 1; c >= 0; c--) {
      const i = starts[c]!;
      if (content[i + len - 1] !== 1 || cleanUntil[i]! < i + len) continue;
      if (doc.tokenSentence[i] !== doc.tokenSentence[i + len - 1]) continue;
      let h = len;
      for (let k = 0; k < len; k++) h = Math.imul(h ^ ids[i + k]!, 0x9e3779b1) ^ (h >>> 15);
      let slot = (h ^ (h >>> 16)) & mask;
      let g = -1;
      for (;;) {
        const e = table[slot]!;
        if (e === 0) break;
        const f = gFirst[e - 1]!;
        let same = true;
        for (let k = 0; k < len && same; k++) same = ids[f + k] === ids[i + k];
        if (same) {
          g = e - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (g === -1) {
        g = groups++;
        table[slot] = g + 1;
        gFirst[g] = i;
        gTail[g] = i;
        gCount[g] = 1;
        continue;
      }
      if (gTail[g]! + len <= i) {
        posNext[gTail[g]!] = i;
        gTail[g] = i;
        gCount[g]!++;
        repeats = true;
      }
    }
    if (!repeats) continue;
    for (let g = 0; g < groups; g++) {
      const count = gCount[g]!;
      if (count < 2) continue;
      let key: string | null = null;
      let i = gFirst[g]!;
      for (let k = 1; k < count; k++) {
        i = posNext[i]!;
        if (covered[i]) continue;
        for (let j = i; j < i + len; j++) covered[j] = 1;
        if (key === null) {
          const f = gFirst[g]!;
          key = lower(doc, f);
          for (let j = f + 1; j < f + len; j++) key += ` ${lower(doc, j)}`;
        }
        ctx.report({
          start: t.start[i]!,
          end: t.end[i + len - 1]!,
          confidence: 0.25,
          ruleId: 'repetition/recurring-phrase',
          message: `The phrase "${key}" is used ${count} times.`,
        });
      }
    }
  }
}
