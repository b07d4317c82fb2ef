/**
 * A headline that states an absence ("No one hurt as storm hits coast", "Nobody claimed the prize")
 * is a plain statement when its body states the same absence in words of its own ("no one was
 * injured", "there were no injuries"): "no one" there is a count of zero, not an exaggeration. Such
 * a headline loses the exaggeration findings that rest on its negative universal. A headline whose
 * body says no such thing ("Nobody wants this war" over an article of opinions) keeps them.
 *
 * One shared stage of the Analyzer, after the model has read the rules' findings as features.
 */
import { isContentWord } from '../../lexicon/content-words.js';
import type { Doc, Sentence } from '../../text/segment.js';
import { K_WORD, tokenLower } from '../../text/tokenise.js';
import type { CollectedFinding } from './contract.js';

/** "no" that states no absence: "no longer", "no matter", "no doubt". */
const NOT_ABSENCE_AFTER_NO = new Set(['longer', 'matter', 'doubt', 'less', 'more', 'sooner']);

/** Token ranges [a, b) of the negative universals of sentence s: "nobody", "none", "no one", "not one", "not a single", "no <word>". */
export function absences(doc: Doc, s: Sentence): Array<[number, number]> {
  const t = doc.tokens;
  const out: Array<[number, number]> = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (t.kind[i] !== K_WORD) continue;
    const w = tokenLower(t, i);
    if (w === 'nobody' || w === 'none' || w === 'zero') {
      out.push([i, i + 1]);
      continue;
    }
    const next = i + 1 < s.tokenEnd && t.kind[i + 1] === K_WORD ? tokenLower(t, i + 1) : '';
    if (w === 'no' && next !== '' && !NOT_ABSENCE_AFTER_NO.has(next)) out.push([i, i + 2]);
    else if (w === 'not' && next === 'one') out.push([i, i + 2]);
    else if (w === 'not' && next === 'a' && i + 2 < s.tokenEnd && tokenLower(t, i + 2) === 'single') out.push([i, i + 3]);
  }
  return out;
}

/** The body's first sentences, where a headline's fact is restated. */
const LEDE = 3;

function contentWords(doc: Doc, s: Sentence): Set<string> {
  const t = doc.tokens;
  const out = new Set<string>();
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (t.kind[i] !== K_WORD) continue;
    const w = tokenLower(t, i);
    if (w.length >= 4 && isContentWord(w)) out.add(w.slice(0, 5));
  }
  return out;
}

/**
 * The character ranges (canonical offsets) of the headline's negative universals that its body bears
 * out: the body states an absence in one of its first sentences, or in one that shares a content
 * word with the headline.
 */
export function plainHeadlineAbsences(doc: Doc): Array<[number, number]> {
  if (!doc.headline) return [];
  const head = doc.sentences[doc.headline.sentence];
  if (!head) return [];
  const own = absences(doc, head);
  if (own.length === 0) return [];
  const headWords = contentWords(doc, head);
  let k = 0;
  let borne = false;
  for (const s of doc.sentences) {
    if (s.index === head.index) continue;
    if (absences(doc, s).length > 0) {
      if (k < LEDE) borne = true;
      else for (const w of contentWords(doc, s)) if (headWords.has(w)) borne = true;
    }
    k++;
    if (borne) break;
  }
  if (!borne) return [];
  const t = doc.tokens;
  return own.map(([a, b]) => [t.start[a]!, t.end[b - 1]!]);
}

/** Drops the exaggeration findings of a plain headline's negative universals (see the module comment), in place. */
export function dropPlainHeadlineExaggeration(doc: Doc, findings: CollectedFinding[]): void {
  if (!doc.headline || !findings.some((f) => f.technique === 'exaggeration-minimisation')) return;
  const ranges = plainHeadlineAbsences(doc);
  if (ranges.length === 0) return;
  let w = 0;
  for (const f of findings) {
    const rests = f.technique === 'exaggeration-minimisation' && ranges.some(([a, b]) => f.start <= a && f.end >= b && f.end <= doc.headline!.end);
    if (!rests) findings[w++] = f;
  }
  findings.length = w;
}
