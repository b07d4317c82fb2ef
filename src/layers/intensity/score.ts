import type { Finding } from '../../core/finding.js';
import type { Doc } from '../../text/segment.js';
import { F_CAP, F_NEWLINE_BEFORE, F_UPPER, K_PUNCT, K_WORD, tokenLower } from '../../text/tokenise.js';
import type { TermEntry, TermMatcher } from '../../lexicon/term-matcher.js';
import { WordMemo } from '../../lexicon/word-memo.js';
import { isDateWord, isMonthName } from '../../lexicon/dates.js';
import type { IntensityTerm } from '../../lexicon/intensity/lexicons.js';
import { loadIntensityMatcher, threatVerbs } from '../../lexicon/intensity/lexicons.js';
import { defaultScale, type IntensityScale } from './scale.js';
import type { ReportedAt } from './voice.js';
import { toCanonicalOffset } from '../../text/normalise.js';
import { otherSense } from '../../lexicon/senses.js';
import { BAND_FLOORS, bandOf, INTENSITY_KINDS, type IntensityBand, type IntensityContribution, type IntensityKind, type IntensityReport, type SentenceIntensity } from '../../core/intensity.js';

export { INTENSITY_BANDS, BAND_FLOORS, bandOf, type IntensityBand, type IntensityContribution, type IntensityReport, type SentenceIntensity } from '../../core/intensity.js';

/** Points per occurrence and the most one sentence can collect from each kind (the shipped scale). */
export const KIND_POINTS: Record<IntensityKind, { each: number; cap: number }> = defaultScale().kinds;

/** Kinds of the rating guide's top band: without one of them a sentence stays under `extreme`. */
const HATE_KINDS = new Set<IntensityKind>(['dehumanising', 'eliminationist', 'threat']);



const ACRONYMS = new Set(['unicef', 'unesco', 'unhcr', 'opec', 'nasdaq', 'fifa', 'uefa', 'interpol', 'asean', 'covid', 'nato', 'ngos']);
const YOU = new Set(['you', 'your', 'yours', "you'll", "you're", 'yourselves', 'yourself']);
/** YOU by token: one array read per word. */
const YOU_WORD = new WordMemo<boolean>((w) => YOU.has(w));
const FUTURE = new Set(['will', 'shall', "'ll", 'gonna', 'going', "you'll", 'soon']);

/**
 * Where the month of a dateline stands after its place: `at` itself, or after a region or country
 * in one to three capitalised words and a comma ("DASKO, Upper Velmara, June 5").
 */
function monthAfterRegion(doc: Doc, at: number): number {
  const t = doc.tokens;
  let k = at;
  while (k < t.count && k - at < 3 && t.kind[k] === K_WORD && (t.flags[k]! & F_CAP) !== 0 && !isMonthName(doc, k)) k++;
  return k > at && k + 1 < t.count && doc.text.charCodeAt(t.start[k]!) === 44 ? k + 1 : at;
}

/** A run of words in capitals: all of it when three or more, else words of five letters or more that are not acronyms. */
function capitals(doc: Doc, run: number[], hits: Hit[], quoted: (at: number) => boolean): void {
  const t = doc.tokens;
  // A dateline ("DASKO, June 5 (Wire) -", "VARN (Wire) -") opens a paragraph in capitals: the
  // place, not shouting. Its words follow each other and a month or an agency in brackets follows.
  const first = run[0]!;
  const after = run[run.length - 1]! + 1;
  if ((first === 0 || (t.flags[first]! & F_NEWLINE_BEFORE) !== 0) && run.length <= 3 && after === first + run.length && after < t.count) {
    const c = doc.text.charCodeAt(t.start[after]!);
    if (c === 40 || (c === 44 && after + 1 < t.count && isMonthName(doc, monthAfterRegion(doc, after + 1)))) return;
  }
  // A subheading in capitals on a line of its own ("TURNOUT QUESTIONED", "REACTIONS ABROAD" in a wire
  // report), or a masthead as the first line ("VALDORIAN CLIMATE COUNCIL"): a few words between line
  // breaks, nothing else on the line; typography, not shouting.
  if ((first === 0 || (t.flags[first]! & F_NEWLINE_BEFORE) !== 0) && run.length <= 5 && after === first + run.length && (after >= t.count || (t.flags[after]! & F_NEWLINE_BEFORE) !== 0)) return;
  // A converted report's running title, kept as its first line: typography, not shouting.
  if (doc.runningTitle && t.start[first]! < (doc.text.indexOf('\n') >>> 0)) return;
  for (const i of run) {
    const len = t.end[i]! - t.start[i]!;
    if (run.length >= 3 || (len >= 5 && !ACRONYMS.has(tokenLower(t, i)))) hits.push({ kind: 'capitals', weight: 1, start: t.start[i]!, end: t.end[i]!, quoted: quoted(t.start[i]!) });
  }
}

type SpanFn = (start: number, end: number) => { start: number; end: number; text: string };

interface Hit {
  kind: IntensityKind;
  weight: number;
  start: number;
  end: number;
  quoted: boolean;
  /** A source's words, reported without quotation marks. */
  reported?: boolean;
  /** Original offsets when already mapped (name-calling findings). */
  original?: { start: number; end: number; text: string };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Mark arrays longer than this (in tokens) are dropped after the document. */
const MAX_KEPT_MARKS = 1 << 18;

/** Index of each kind in INTENSITY_KINDS. */
const KIND_INDEX = Object.fromEntries(INTENSITY_KINDS.map((k, i) => [k, i])) as Record<IntensityKind, number>;

/** Stable sort by start (insertion: a sentence has few contributions, mostly in order already). */
function sortByStart(c: IntensityContribution[]): void {
  for (let i = 1; i < c.length; i++) {
    const x = c[i]!;
    let j = i;
    while (j > 0 && c[j - 1]!.start > x.start) {
      c[j] = c[j - 1]!;
      j--;
    }
    c[j] = x;
  }
}

/**
 * Without hateful words a score bends towards the extreme band's floor and never reaches it: the
 * same above 60, then 60 + 9.9 * (1 - e^(-(s - 60) / 9.9)), so that more heat still ranks higher.
 */
function underExtreme(score: number): number {
  const knee = BAND_FLOORS.extreme - 10;
  const room = BAND_FLOORS.extreme - 0.1 - knee;
  return score <= knee ? score : round1(knee + room * (1 - Math.exp(-(score - knee) / room)));
}

/** Points to score on a scale: 100 * (1 - e^(-points / scale.scale)). */
export function pointsToScore(points: number, scale: IntensityScale = defaultScale()): number {
  return round1(100 * (1 - Math.exp(-points / scale.scale)));
}

/** Scores discourse intensity per sentence and per document, with the contributions behind each score. */
export class IntensityScorer {
  private readonly matcher: TermMatcher<IntensityTerm>;
  private readonly verbs = threatVerbs();
  private readonly scale: IntensityScale;

  /** `scale`: the calibrated numbers (scale.yaml); calibration passes others to compare them. */
  constructor(extraDirs: readonly string[] = [], scale: IntensityScale = defaultScale()) {
    this.scale = scale;
    this.matcher = loadIntensityMatcher(extraDirs, scale.lists);
  }

  /**
   * `findings` (original offsets) contribute their name-calling spans; `span` maps canonical
   * spans of the document to the original input.
   */
  score(doc: Doc, span: SpanFn, findings: readonly Finding[] = [], reported: ReportedAt = null): IntensityReport {
    const names: Finding[] = [];
    for (const f of findings) if (f.technique === 'name-calling') names.push(f);
    const quoted = this.quotedMask(doc);
    const sentences: SentenceIntensity[] = [];
    // Per kind (INTENSITY_KINDS order): document occurrences and points, and this sentence's points.
    const count = this.count.fill(0);
    const total = this.total.fill(0);
    const used = this.used;
    const seen = this.seen;
    let ni = 0;
    // One callback for the whole document (not a closure per sentence).
    let hits: Hit[] = [];
    const onTerm = (entry: TermEntry<IntensityTerm>, tokenStart: number, tokenEnd: number) => {
      // "March on the capital" is a call; "in March on the border" is a date.
      if (isDateWord(doc, tokenStart)) return;
      const start = doc.tokens.start[tokenStart]!;
      // "where the problem lies", "his animals": the word in its other sense (senses.yaml).
      if (tokenEnd - tokenStart === 1 && otherSense(doc, start, doc.tokens.end[tokenStart]!)) return;
      hits.push({ kind: entry.value.kind, weight: entry.value.weight, start, end: doc.tokens.end[tokenEnd - 1]!, quoted: quoted(start), reported: reported !== null && reported(start) });
    };
    let acc = 0;
    let peak = 0;
    this.mark(doc);
    const you = this.you;
    const typo = this.typo;
    let yi = 0;
    let ti = 0;
    for (const s of doc.sentences) {
      const o = span(s.start, s.end);
      hits = [];
      this.matcher.scanEntries(doc, s.tokenStart, s.tokenEnd, onTerm);
      // The marked tokens of this sentence: [yi, ye) and [ti, te) (sentences and marks ascend, so
      // the cursors only move forward).
      while (yi < this.nYou && you[yi]! < s.tokenStart) yi++;
      let ye = yi;
      while (ye < this.nYou && you[ye]! < s.tokenEnd) ye++;
      while (ti < this.nTypo && typo[ti]! < s.tokenStart) ti++;
      let te = ti;
      while (te < this.nTypo && typo[te]! < s.tokenEnd) te++;
      if (ye > yi) this.threats(doc, s.tokenEnd, hits, quoted, yi, ye);
      if (te > ti) this.typography(doc, hits, quoted, ti, te);
      yi = ye;
      ti = te;
      // Name-calling findings that start inside this sentence (findings are sorted by start) add
      // what no word list names, in proportion to their confidence; where a list hit lies inside
      // the finding, the list's words count instead (a long span holding two labels counts both).
      while (ni < names.length && names[ni]!.start < o.start) ni++;
      for (let j = ni; j < names.length && names[j]!.start < o.end; j++) {
        const f = names[j]!;
        let listed = false;
        for (let h = 0; h < hits.length && !listed; h++) {
          const hk = hits[h]!.kind;
          if (hk !== 'loaded-term' && hk !== 'name-calling' && hk !== 'dehumanising' && hk !== 'atrocity') continue;
          const ho = span(hits[h]!.start, hits[h]!.end);
          listed = ho.start < f.end && f.start < ho.end;
        }
        if (!listed) {
          const at = toCanonicalOffset(doc.nt, f.start);
          hits.push({ kind: 'name-calling', weight: f.confidence * this.scale.findingWeight, start: 0, end: 0, quoted: quoted(at), reported: reported !== null && reported(at), original: { start: f.start, end: f.end, text: f.text } });
        }
      }
      const contributions: IntensityContribution[] = [];
      let points = 0;
      let hateful = false;
      if (hits.length > 0) {
        used.fill(0);
        seen.fill(0);
        for (const h of hits) {
          const k = KIND_INDEX[h.kind];
          const rule = this.scale.kinds[h.kind];
          const before = used[k]!;
          // Each further hit of a kind in the sentence adds `decay` times what the one before added.
          // Quoted words, and words a source is reported to have said, count less than the author's.
          const voice = h.quoted ? this.scale.quoted : h.reported ? this.scale.reported : 1;
          const raw = rule.each * h.weight * voice * Math.pow(this.scale.decay, seen[k]!);
          const p = Math.min(raw, rule.cap - before);
          if (p <= 0) continue;
          seen[k]!++;
          used[k] = before + p;
          points += p;
          if (HATE_KINDS.has(h.kind)) hateful = true;
          const where = h.original ?? span(h.start, h.end);
          const c: IntensityContribution = { kind: h.kind, text: where.text, start: where.start, end: where.end, points: round1(p) };
          if (h.quoted) c.quoted = true;
          contributions.push(c);
          count[k]!++;
          total[k]! += p;
        }
        sortByStart(contributions);
      }
      // The extreme band is for dehumanising, eliminationist or threatening words (the rating
      // guide's "hate"); a pile of labels and calls stays below it however long it gets.
      let score = pointsToScore(points, this.scale);
      if (!hateful) score = underExtreme(score);
      sentences.push({ index: s.index, start: o.start, end: o.end, score, band: bandOf(score), contributions });
      // A neutral sentence (score 0) adds 0 to the power sum and cannot raise the peak.
      if (score > 0) {
        acc += Math.pow(score, this.scale.docPower);
        peak = Math.max(peak, score);
      }
    }
    // Do not keep the marks of an unusually long document alive.
    if (this.typo.length > MAX_KEPT_MARKS) {
      this.you = new Int32Array(64);
      this.typo = new Int32Array(64);
    }
    const score = sentences.length ? round1(Math.pow(acc / sentences.length, 1 / this.scale.docPower)) : 0;
    const contributions: Array<{ kind: IntensityKind; count: number; points: number }> = [];
    for (let k = 0; k < INTENSITY_KINDS.length; k++) if (count[k]! > 0) contributions.push({ kind: INTENSITY_KINDS[k]!, count: count[k]!, points: round1(total[k]!) });
    contributions.sort((a, b) => b.points - a.points || (a.kind < b.kind ? -1 : 1));
    return { score, band: bandOf(score), peak, contributions, sentences };
  }

  /** Scratch per kind: document counts and points, and one sentence's points. */
  private readonly count = new Int32Array(INTENSITY_KINDS.length);
  private readonly total = new Float64Array(INTENSITY_KINDS.length);
  private readonly used = new Float64Array(INTENSITY_KINDS.length);
  private readonly seen = new Int32Array(INTENSITY_KINDS.length);

  /** Tokens that threats and typography look at, in order: "you" words, and exclamation marks and words in capitals. */
  private you = new Int32Array(64);
  private nYou = 0;
  private typo = new Int32Array(64);
  private nTypo = 0;

  /** Finds the document's marked tokens in one pass (most sentences have none). */
  private mark(doc: Doc): void {
    const t = doc.tokens;
    const text = doc.text;
    const kind = t.kind;
    const flags = t.flags;
    let nYou = 0;
    let nTypo = 0;
    let you = this.you;
    let typo = this.typo;
    if (typo.length < t.count) {
      // Every token could be marked: grow once per document rather than per mark.
      you = this.you = new Int32Array(t.count);
      typo = this.typo = new Int32Array(t.count);
    }
    for (let i = 0; i < t.count; i++) {
      const k = kind[i]!;
      if (k === K_WORD) {
        if (flags[i]! & F_UPPER) typo[nTypo++] = i;
        // Only "y" and "Y" lowercase to a word starting with y, as every YOU word does: most words skip the lookup.
        if ((text.charCodeAt(t.start[i]!) | 32) === 121 && YOU_WORD.at(t, i)) you[nYou++] = i;
      } else if (k === K_PUNCT && text.charCodeAt(t.start[i]!) === 33) typo[nTypo++] = i;
    }
    this.nYou = nYou;
    this.nTypo = nTypo;
  }

  /**
   * "you will pay", "your homes will burn": you/your, a future marker, then a threat verb. The
   * sentence's "you" words are marks you[a, b); `to` ends the sentence.
   */
  private threats(doc: Doc, to: number, hits: Hit[], quoted: (at: number) => boolean, a: number, b: number): void {
    const t = doc.tokens;
    let after = -1;
    for (let m = a; m < b; m++) {
      const i = this.you[m]!;
      // Words up to a found threat's verb are not looked at again.
      if (i <= after) continue;
      const at = t.start[i]!;
      let inThreat = false;
      for (let h = 0; h < hits.length && !inThreat; h++) inThreat = hits[h]!.kind === 'threat' && hits[h]!.start <= at && at < hits[h]!.end;
      if (inThreat) continue;
      let future = tokenLower(t, i) === "you'll";
      for (let j = i + 1; j < Math.min(to, i + 6); j++) {
        if (t.kind[j] !== K_WORD) break;
        const w = tokenLower(t, j);
        if (FUTURE.has(w)) future = true;
        else if (future && this.verbs.has(w)) {
          hits.push({ kind: 'threat', weight: 1, start: at, end: t.end[j]!, quoted: quoted(at) });
          after = j;
          break;
        }
      }
    }
  }

  /**
   * Exclamation marks, and words in capitals that are not acronyms (shouting): the sentence's marks
   * typo[a, b). A run of capitals goes on across punctuation and ends at any other token.
   */
  private typography(doc: Doc, hits: Hit[], quoted: (at: number) => boolean, a: number, b: number): void {
    const t = doc.tokens;
    const text = doc.text;
    let run: number[] | null = null;
    let last = -1;
    for (let m = a; m < b; m++) {
      const i = this.typo[m]!;
      if (run !== null) {
        // The run ended at a token between the last mark and this one that is no punctuation.
        let broken = false;
        for (let x = last + 1; x < i && !broken; x++) broken = t.kind[x] !== K_PUNCT;
        if (broken) {
          capitals(doc, run, hits, quoted);
          run = null;
        }
      }
      if (t.kind[i] === K_PUNCT) {
        // "!!!" is one token: each mark counts (up to the cap).
        let n = 0;
        for (let k = t.start[i]!; k < t.end[i]!; k++) if (text.charCodeAt(k) === 33) n++;
        hits.push({ kind: 'exclamation', weight: n, start: t.start[i]!, end: t.end[i]!, quoted: quoted(t.start[i]!) });
      } else (run ??= []).push(i);
      last = i;
    }
    if (run !== null) capitals(doc, run, hits, quoted);
  }

  private quotedMask(doc: Doc): (at: number) => boolean {
    const q = doc.quotes;
    if (q.length === 0) return () => false;
    return (at) => {
      let lo = 0;
      let hi = q.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (q[mid]!.end <= at) lo = mid + 1;
        else if (q[mid]!.start > at) hi = mid - 1;
        else return true;
      }
      return false;
    };
  }
}
