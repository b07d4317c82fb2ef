import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evidence } from '../../core/finding.js';
import { isCommonWord, isContentWord } from '../../lexicon/content-words.js';
import { stem } from '../../lexicon/stem.js';
import { TermMatcher } from '../../lexicon/term-matcher.js';
import type { IntensityTerm } from '../../lexicon/intensity/lexicons.js';
import { loadIntensityMatcher } from '../../lexicon/intensity/lexicons.js';
import { toOriginalSpan } from '../../text/normalise.js';
import type { Doc, Sentence } from '../../text/segment.js';
import { F_CAP, K_PUNCT, K_WORD, tokenLower, type Tokens } from '../../text/tokenise.js';
import type { Detector, DetectorContext } from '../engine/contract.js';
import { WordInts } from '../../lexicon/word-memo.js';
import { isDateWord } from '../../lexicon/dates.js';
import { absences } from '../engine/plain-headline.js';
import { numbersIn } from './numbers.js';
import { BLAME_AS_OBJECT } from '../../lexicon/blame.js';
import { BLAME_VERBS, HEADLINE_FILLER, HEADLINE_HEDGES, NEGATIVE_UNIVERSALS, RECIPROCALS, UNIVERSALS } from './words.js';


const HEDGES_FILE = fileURLToPath(new URL('./body-hedges.txt', import.meta.url));

let hedgeMatcher: TermMatcher<true> | null = null;
function hedges(): TermMatcher<true> {
  if (!hedgeMatcher) {
    hedgeMatcher = new TermMatcher<true>();
    hedgeMatcher.addList(readFileSync(HEDGES_FILE, 'utf8'), () => true);
  }
  return hedgeMatcher;
}

let loadedMatcher: TermMatcher<IntensityTerm> | null = null;
/** Loaded vocabulary: the intensity layer's lists (shared loaded terms, atrocity, dehumanising...). */
function loaded(): TermMatcher<IntensityTerm> {
  loadedMatcher ??= loadIntensityMatcher();
  return loadedMatcher;
}
const LOADED_KINDS = new Set(['loaded-term', 'name-calling', 'atrocity', 'dehumanising', 'eliminationist']);

function hasHedge(doc: Doc, s: Sentence): boolean {
  let found = false;
  hedges().scan(doc, s.tokenStart, s.tokenEnd, (m) => {
    // "May" as in "on May 28", "in May" is the month.
    if (isDateWord(doc, m.tokenStart)) return;
    found = true;
  });
  return found;
}

/**
 * Stems by integer id (equal stems, equal ids), and per word its stem id and whether it is a
 * content word (isContentWord): both functions of the lowercased word alone.
 * The stem table is bounded: past MAX_STEMS it starts over, between documents.
 */
const MAX_STEMS = 50_000;
let stemStrings: string[] = [];
let stemIds = new Map<string, number>();
function stemId(st: string): number {
  let k = stemIds.get(st);
  if (k === undefined) {
    k = stemStrings.length;
    stemStrings.push(st);
    stemIds.set(st, k);
  }
  return k;
}
/** Per word: stem id * 2, plus 1 for a content word. */
let WORDS = new WordInts((w) => stemId(stem(w)) * 2 + (isContentWord(w) ? 1 : 0));
const stemAt = (t: Tokens, i: number): string => stemStrings[WORDS.at(t, i) >> 1]!;
const featureAt = (doc: Doc, i: number): string | null => {
  if (doc.tokens.kind[i] !== K_WORD) return null;
  const v = WORDS.at(doc.tokens, i);
  return (v & 1) === 1 ? stemStrings[v >> 1]! : null;
};

/** Content stems of a sentence (for overlap), in order. */
function contentKeys(doc: Doc, s: Sentence): string[] {
  const out: string[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const f = featureAt(doc, i);
    if (f !== null && !out.includes(f)) out.push(f);
  }
  return out;
}

/** Same word family: equal stems, or one a prefix of the other at 5+ letters ("Sylvania"/"Sylvanian"). */
function related(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length <= b.length ? a.length >= 5 && b.startsWith(a) : b.length >= 5 && a.startsWith(b);
}

/** A set of stems of the body: membership by stem id, and the stems in a list for family checks. */
interface StemSet {
  has(stemmed: string): boolean;
  list: string[];
}

function inSet(stemmed: string, set: StemSet): boolean {
  if (set.has(stemmed)) return true;
  if (stemmed.length < 5) return false;
  for (const x of set.list) if (related(stemmed, x)) return true;
  return false;
}

/**
 * Per stem id, for the document being indexed (valid where stamp is the current epoch): bits 0-1
 * the cases the body writes it in (1 capitalised, 2 not), bit 2 set when it is a body feature;
 * and for features, the index of its headline links in keysOf (-2 when it has none).
 */
let stemStamp = new Int32Array(0);
let stemBits = new Uint8Array(0);
let stemLinks = new Int32Array(0);
let epoch = 0;
/** Scratch of indexBody: the stem ids seen in the body, and those of its features. */
let seenScratch = new Int32Array(1024);
let featureScratch = new Int32Array(1024);

interface BodyIndex {
  /** Content stems of the body. */
  bodyStems: StemSet;
  /** Stems the body only ever writes capitalised: its named entities. */
  bodyNames: StemSet;
  keyIndex: Map<string, number>;
  /** Per headline stem: does the body use it or its word family? */
  keyInBody: Uint8Array;
  /** Per body sentence: how many headline stems it shares. */
  overlap: number[];
}

function indexBody(doc: Doc, body: Sentence[], headKeys: string[]): BodyIndex {
  const t = doc.tokens;
  const keyIndex = new Map<string, number>();
  headKeys.forEach((k, j) => keyIndex.set(k, j));
  // Index the body in one pass over its words, by stem id: the case each stem is written in, its
  // content stems, and per sentence how many headline stems it shares.
  if (epoch >= 0x3fffffff) {
    stemStamp.fill(0);
    epoch = 0;
  }
  const e = ++epoch;
  /** Stem ids seen in the body (the first nSeen of seenScratch), and the features, in order of first use. */
  let nSeen = 0;
  // Features as stem ids (the first nFeatures of featureScratch): their strings are listed only
  // if a family check asks for them (see bodyStems below), which most documents never do.
  let nFeatures = 0;
  /** Per distinct body feature: the headline stems it counts as (same word family). */
  const keysOf: number[][] = [];
  const keyInBody = new Uint8Array(headKeys.length);
  const keySentence = new Int32Array(headKeys.length).fill(-1);
  const overlap: number[] = [];
  const kind = t.kind;
  const flags = t.flags;
  // Head keys are stems of headline words, so each has an id.
  const headIds = new Int32Array(headKeys.length);
  const headLong = new Uint8Array(headKeys.length);
  const headFirst = new Int32Array(headKeys.length);
  for (let j = 0; j < headKeys.length; j++) {
    const key = headKeys[j]!;
    headIds[j] = stemIds.get(key) ?? -1;
    headLong[j] = key.length >= 5 ? 1 : 0;
    headFirst[j] = key.charCodeAt(0);
  }
  for (let k = 0; k < body.length; k++) {
    const s = body[k]!;
    let n = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (kind[i] !== K_WORD) continue;
      const v = WORDS.at(t, i);
      const sid = v >> 1;
      if (sid >= stemStamp.length) growStems(sid + 1);
      if (stemStamp[sid] !== e) {
        stemStamp[sid] = e;
        stemBits[sid] = 0;
        stemLinks[sid] = -1;
        if (nSeen === seenScratch.length) {
          const grown = new Int32Array(2 * nSeen);
          grown.set(seenScratch);
          seenScratch = grown;
        }
        seenScratch[nSeen++] = sid;
      }
      stemBits[sid] |= flags[i]! & F_CAP ? 1 : 2;
      if ((v & 1) === 0) continue;
      let link = stemLinks[sid]!;
      // -2: a feature linked to no headline stem (most body words).
      if (link === -2) continue;
      if (link === -1) {
        const f = stemStrings[sid]!;
        stemBits[sid] |= 4;
        if (nFeatures === featureScratch.length) {
          const grown = new Int32Array(2 * nFeatures);
          grown.set(featureScratch);
          featureScratch = grown;
        }
        featureScratch[nFeatures++] = sid;
        // Allocated at the first link only: most features have none.
        let keys: number[] | null = null;
        // Same stem by id; a family member (related) only when both are 5+ letters with the same first letter.
        const long = f.length >= 5;
        const f0 = f.charCodeAt(0);
        for (let j = 0; j < headKeys.length; j++) {
          if (headIds[j] === sid || (long && headLong[j] === 1 && headFirst[j] === f0 && related(headKeys[j]!, f))) {
            (keys ??= []).push(j);
            keyInBody[j] = 1;
          }
        }
        if (keys === null) {
          stemLinks[sid] = -2;
          continue;
        }
        link = stemLinks[sid] = keysOf.length;
        keysOf.push(keys);
      }
      const keys = keysOf[link]!;
      for (let q = 0; q < keys.length; q++) {
        const j = keys[q]!;
        if (keySentence[j] !== k) {
          keySentence[j] = k;
          n++;
        }
      }
    }
    overlap.push(n);
  }
  const bitsOf = (stemmed: string): number => {
    const sid = stemIds.get(stemmed);
    return sid !== undefined && sid < stemStamp.length && stemStamp[sid] === e ? stemBits[sid]! : 0;
  };
  // Words the body only ever writes capitalised: its named entities.
  const names: string[] = [];
  for (let q = 0; q < nSeen; q++) {
    const sid = seenScratch[q]!;
    if ((stemBits[sid]! & 3) === 1) names.push(stemStrings[sid]!);
  }
  let featureList: string[] | null = null;
  return {
    bodyStems: {
      has: (x) => (bitsOf(x) & 4) !== 0,
      // Built from the scratch while it still holds this document's features (within create).
      get list() {
        if (featureList === null) {
          featureList = [];
          for (let q = 0; q < nFeatures; q++) featureList.push(stemStrings[featureScratch[q]!]!);
        }
        return featureList;
      },
    },
    bodyNames: { has: (x) => (bitsOf(x) & 3) === 1, list: names },
    keyIndex,
    keyInBody,
    overlap,
  };
}

function growStems(need: number): void {
  const size = Math.max(need, stemStamp.length * 2, 1024);
  const stamp = new Int32Array(size);
  stamp.set(stemStamp);
  const bits = new Uint8Array(size);
  bits.set(stemBits);
  const links = new Int32Array(size);
  links.set(stemLinks);
  stemStamp = stamp;
  stemBits = bits;
  stemLinks = links;
}

interface Reason {
  rule: 'unsupported-claim' | 'stronger-certainty' | 'inflated-scale' | 'assigned-blame' | 'loaded-terms';
  confidence: number;
  message: string;
  detail: string;
}

/**
 * Misleading headline: compares the headline with its body. Flags it when the headline asserts
 * entities, numbers or content the body never mentions, states flatly what the body hedges,
 * claims a larger scale, makes someone the agent of harm the body does not, or uses loaded words
 * the body avoids. One finding per headline, covering the headline, with every reason in it.
 */
export const misleadingHeadlineDetector: Detector = {
  meta: {
    id: 'misleading-headline/headline-vs-body',
    technique: 'misleading-headline',
    description: 'A headline that claims more than the body supports: other facts, more certainty, larger scale, blame or loaded words.',
    source: 'code',
  },
  create(ctx: DetectorContext) {
    const { doc } = ctx;
    if (!doc.headline) return;
    const t = doc.tokens;
    const head = doc.sentences[doc.headline.sentence]!;
    const body = doc.sentences.filter((s) => s.index !== head.index);
    if (body.length === 0) return;
    // A byline set off as a first line ("By Anna Novak") is not a headline.
    if (tokenLower(t, head.tokenStart) === 'by') return;

    if (stemStrings.length >= MAX_STEMS) {
      stemStrings = [];
      stemIds = new Map();
      WORDS = new WordInts((w) => stemId(stem(w)) * 2 + (isContentWord(w) ? 1 : 0));
      stemStamp = new Int32Array(0);
      stemBits = new Uint8Array(0);
      stemLinks = new Int32Array(0);
    }
    const headKeys = contentKeys(doc, head);
    const { bodyStems, bodyNames, keyIndex, keyInBody, overlap } = indexBody(doc, body, headKeys);
    /** Does the body use this headline stem (or its word family)? */
    const inBody = (stemmed: string) => {
      const j = keyIndex.get(stemmed);
      return j !== undefined ? keyInBody[j] === 1 : inSet(stemmed, bodyStems);
    };

    // The nearest body sentences: most shared content stems, earliest first on ties.
    let best = -1;
    let second = -1;
    for (let k = 0; k < body.length; k++) {
      const n = overlap[k]!;
      if (n <= 0) continue;
      if (best === -1 || n > overlap[best]!) {
        second = best;
        best = k;
      } else if (second === -1 || n > overlap[second]!) second = k;
    }
    const nearest: Array<{ s: Sentence; k: number; n: number }> = [];
    for (const k of [best, second]) if (k !== -1) nearest.push({ s: body[k]!, k, n: overlap[k]! });

    const reasons: Reason[] = [];
    const headWords: Array<{ i: number; w: string; stem: string; cap: boolean }> = [];
    for (let i = head.tokenStart; i < head.tokenEnd; i++) {
      if (t.kind[i] !== K_WORD) continue;
      const w = tokenLower(t, i);
      headWords.push({ i, w, stem: stemAt(t, i), cap: (t.flags[i]! & F_CAP) !== 0 });
    }
    const contentWords = headWords.filter((x) => featureAt(doc, x.i) !== null);
    const titleCase = contentWords.length >= 3 && contentWords.filter((x) => x.cap).length / contentWords.length >= 0.7;

    // 1. Entities and content the body never mentions.
    // A capitalised headline word is a name when the body treats it as one; in running (not title
    // case) headlines also any capitalised word after the first, and a first word no lexicon knows.
    const isName = (x: { i: number; w: string; cap: boolean; stem: string }) => {
      if (!x.cap) return false;
      if (inSet(x.stem, bodyNames)) return true;
      if (titleCase) return false;
      return x.i !== head.tokenStart || !isCommonWord(x.w);
    };
    const missingNames = contentWords.filter((x) => isName(x) && x.w.length >= 3 && !inBody(x.stem));
    const claimWords = contentWords.filter((x) => !HEADLINE_FILLER.has(x.stem));
    const missingWords = claimWords.filter((x) => !inBody(x.stem));
    if (missingNames.length > 0) {
      const names = unique(missingNames.map((x) => text(doc, x.i)));
      reasons.push({ rule: 'unsupported-claim', confidence: 0.75, message: `names ${quoteList(names)}, which the body never mentions`, detail: names.join(', ') });
    } else if (missingWords.length >= 3 && missingWords.length / claimWords.length >= 0.6) {
      const words = unique(missingWords.map((x) => text(doc, x.i)));
      reasons.push({ rule: 'unsupported-claim', confidence: 0.45, message: `rests on words the body does not use (${quoteList(words)})`, detail: words.join(', ') });
    }

    // 2. Numbers: absent from the body, or larger than anything in it.
    const headNumbers = numbersIn(doc, head.tokenStart, head.tokenEnd);
    if (headNumbers.length > 0) {
      const bodyNumbers = body.flatMap((s) => numbersIn(doc, s.tokenStart, s.tokenEnd));
      const max = bodyNumbers.reduce((m, x) => Math.max(m, x.value), 0);
      for (const n of headNumbers) {
        if (bodyNumbers.some((b) => Math.abs(b.value - n.value) <= Math.max(1e-9, 0.01 * n.value))) continue;
        if (bodyNumbers.length === 0) {
          reasons.push({ rule: 'unsupported-claim', confidence: 0.7, message: `gives the figure "${n.text}", which the body does not`, detail: n.text });
        } else if (n.value > max * 1.2) {
          const biggest = bodyNumbers.find((b) => b.value === max)!;
          reasons.push({ rule: 'inflated-scale', confidence: 0.8, message: `says "${n.text}" where the body's largest figure is "${biggest.text}"`, detail: `${n.text} vs ${biggest.text}` });
        }
      }
    }

    // 3. Universal quantifiers the body does not share. A negative one ("Nobody hurt in fire", "No
    // one came") is a plain statement when the body states the absence in any words of its own.
    let negativeInBody: boolean | null = null;
    for (const x of headWords) {
      if (!UNIVERSALS.has(x.w) || bodyStems.has(x.stem) || body.some((s) => sentenceHas(doc, s, t.id[x.i]!))) continue;
      if (NEGATIVE_UNIVERSALS.has(x.w) && (negativeInBody ??= body.some((s) => absences(doc, s).length > 0))) continue;
      reasons.push({ rule: 'inflated-scale', confidence: 0.6, message: `says "${text(doc, x.i)}" though the body states no such scale`, detail: text(doc, x.i) });
      break;
    }

    // 4. Certainty: the headline asserts what its nearest body sentences only report or hedge.
    const headHedged = headWords.some((x) => HEADLINE_HEDGES.has(x.w) && !isDateWord(doc, x.i)) || doc.text.slice(head.start, head.end).includes('?') || doc.quotes.some((q) => q.start >= head.start && q.end <= head.end);
    if (!headHedged && nearest.length > 0 && nearest[0]!.n >= 2 && nearest.every((x) => hasHedge(doc, x.s))) {
      reasons.push({ rule: 'stronger-certainty', confidence: 0.65, message: 'states as fact what the body only reports as alleged, possible or unconfirmed', detail: 'body hedges' });
    }

    // 5. Blame: "<Name> <harm verb>" in the headline, with no unhedged body sentence saying so.
    for (let k = 0; k < headWords.length && !headHedged; k++) {
      const x = headWords[k]!;
      if (!isName(x)) continue;
      const verb = headWords.slice(k + 1, k + 4).find((y) => BLAME_VERBS.has(y.stem));
      if (!verb || (verb.i > x.i + 1 && headWords.slice(k + 1).some((y) => y.i < verb.i && y.stem === 'by'))) continue;
      // "officials trade blame", "blame each other": a noun, or blame both ways; no one side is the agent.
      const v = headWords.indexOf(verb);
      if ((v > 0 && BLAME_AS_OBJECT.has(headWords[v - 1]!.w)) || (v + 1 < headWords.length && RECIPROCALS.has(headWords[v + 1]!.w))) continue;
      const agentSaid = body.some((s) => {
        if (hasHedge(doc, s)) return false;
        let hasName = false;
        let hasVerb = false;
        for (let i = s.tokenStart; i < s.tokenEnd; i++) {
          if (t.kind[i] !== K_WORD) continue;
          const st = stemAt(t, i);
          if (related(st, x.stem)) hasName = true;
          if (BLAME_VERBS.has(st)) hasVerb = true;
        }
        return hasName && hasVerb;
      });
      if (!agentSaid) {
        reasons.push({ rule: 'assigned-blame', confidence: 0.7, message: `makes ${text(doc, x.i)} the agent ("${text(doc, x.i)} ... ${text(doc, verb.i)}") where the body does not say so`, detail: `${text(doc, x.i)} ${text(doc, verb.i)}` });
        break;
      }
    }

    // 6. Loaded words the body does not use (the body is scanned only when the headline has some).
    const headMatches: Array<{ term: string; tokenStart: number; tokenEnd: number; start: number; end: number }> = [];
    loaded().scan(doc, head.tokenStart, head.tokenEnd, (m) => {
      if (LOADED_KINDS.has(m.entry.value.kind)) headMatches.push({ term: m.entry.term, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, start: m.start, end: m.end });
    });
    const headLoaded: string[] = [];
    if (headMatches.length > 0) {
      const bodyLoaded = new Set<string>();
      for (const s of body) loaded().scan(doc, s.tokenStart, s.tokenEnd, (m) => bodyLoaded.add(m.entry.term));
      for (const m of headMatches) {
        if (bodyLoaded.has(m.term)) continue;
        const stems = [];
        for (let i = m.tokenStart; i < m.tokenEnd; i++) if (t.kind[i] !== K_PUNCT) stems.push(stemAt(t, i));
        if (stems.every((s) => bodyStems.has(s))) continue;
        headLoaded.push(doc.text.slice(m.start, m.end));
      }
    }
    if (headLoaded.length > 0) {
      reasons.push({ rule: 'loaded-terms', confidence: 0.6, message: `uses loaded words the body does not (${quoteList(unique(headLoaded))})`, detail: unique(headLoaded).join(', ') });
    }

    if (reasons.length === 0) return;
    reportHeadline(ctx, doc, head, nearest, reasons);
  },
};

function text(doc: Doc, i: number): string {
  return doc.text.slice(doc.tokens.start[i]!, doc.tokens.end[i]!);
}

/** Does sentence s contain the word with this token id (ids are one per lowercased form)? */
function sentenceHas(doc: Doc, s: Sentence, id: number): boolean {
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (doc.tokens.id[i] === id) return true;
  return false;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function quoteList(xs: string[]): string {
  return xs.map((x) => `"${x}"`).join(', ');
}

/** One finding covering the headline, its reasons strongest first (kept apart from the checks, which stay small). */
function reportHeadline(ctx: DetectorContext, doc: Doc, head: Sentence, nearest: Array<{ s: Sentence }>, reasons: Reason[]): void {
  reasons.sort((a, b) => b.confidence - a.confidence);
  const original = (start: number, end: number) => {
    const [s, e] = toOriginalSpan(doc.nt, start, end);
    return { start: s, end: e, text: doc.nt.original.slice(s, e) };
  };
  const evidence: Evidence[] = [{ label: 'headline claim', ...original(head.start, head.end) }];
  for (const n of nearest) evidence.push({ label: 'nearest body sentence', ...original(n.s.start, n.s.end) });
  if (nearest.length === 0) evidence.push({ label: 'nearest body sentence', text: '(no body sentence shares a content word with the headline)' });
  for (const r of reasons) evidence.push({ label: r.rule, text: r.detail });
  ctx.report({
    start: head.start,
    end: head.end,
    confidence: Math.min(0.95, reasons[0]!.confidence + 0.1 * (reasons.length - 1)),
    ruleId: `misleading-headline/${reasons[0]!.rule}`,
    message: `The headline ${joined(reasons, '; it ')}.`,
    evidence,
  });
}

function joined(reasons: Reason[], sep: string): string {
  let out = '';
  for (let k = 0; k < reasons.length; k++) out += (k > 0 ? sep : '') + reasons[k]!.message;
  return out;
}
