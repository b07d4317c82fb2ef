/**
 * Turning a match into a finding: the rule's filters (headline, quotes, unless-words), its span
 * (match, clause or sentence) and its message.
 */
import type { Doc } from '../../text/segment.js';
import { K_PUNCT } from '../../text/tokenise.js';
import type { CompiledRule } from './compile.js';
import type { CollectedFinding } from './contract.js';

/**
 * The finding of rule `rule` for tokens [a, b) (the reported part) of a match over [matchFrom,
 * matchTo) (-1: the same), or null when one of the rule's filters drops it.
 */
export function emit(doc: Doc, rule: CompiledRule, a: number, b: number, matchFrom: number, matchTo: number): CollectedFinding | null {
  const t = doc.tokens;
  const s = doc.sentences[doc.tokenSentence[a]!]!;
  if (rule.headline !== 'any') {
    const inHeadline = doc.headline !== null && s.index === doc.headline.sentence;
    if ((rule.headline === 'only') !== inHeadline) return null;
  }
  if (rule.quotes !== 'any') {
    const inside = insideQuote(doc, t.start[a]!, t.end[b - 1]!);
    if ((rule.quotes === 'inside') !== inside) return null;
  }
  if (rule.unless.length > 0) {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      for (const seq of rule.unless) {
        if (t.id[k] !== seq[0] || k + seq.length > s.tokenEnd) continue;
        let all = true;
        for (let q = 1; q < seq.length && all; q++) all = t.id[k + q] === seq[q];
        if (all) return null;
      }
    }
  }
  let start = t.start[a]!;
  let end = t.end[b - 1]!;
  if (rule.expand === 'sentence') {
    start = s.start;
    end = s.end;
  } else if (rule.expand === 'clause') {
    [start, end] = clauseAround(doc, matchFrom >= 0 ? matchFrom : a, matchTo >= 0 ? matchTo : b);
  }
  // The matched text is needed only for a {match} message or trigger evidence.
  const match = rule.hasPlaceholder || rule.expand !== 'match' ? doc.text.slice(t.start[a]!, t.end[b - 1]!) : '';
  return {
    technique: rule.technique,
    start,
    end,
    confidence: rule.confidence,
    message: rule.hasPlaceholder ? fillMessage(rule, match) : rule.message,
    ruleId: rule.ruleId,
    source: rule.source,
    evidence: rule.expand === 'match' ? undefined : [{ label: 'trigger', text: match }],
  };
}

/**
 * The message with {match} replaced by the match. replaceAll reads '$' sequences in the
 * replacement ("$&"), so a match with a '$' goes through it; without one, joining the parts
 * at the placeholders gives the same string without the replace machinery.
 */
function fillMessage(rule: CompiledRule, match: string): string {
  const parts = rule.messageParts;
  if (match.indexOf('$') !== -1) return rule.message.replaceAll('{match}', match);
  if (parts.length === 2) return parts[0]! + match + parts[1]!;
  return parts.join(match);
}

const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '--', '\u2014', '\u2013', '"']);

/** Extends a token range to the surrounding clause (commas, semicolons, dashes, quotes, sentence). */
export function clauseAround(doc: Doc, a: number, b: number): [number, number] {
  const t = doc.tokens;
  const s = doc.sentences[doc.tokenSentence[a]!]!;
  let i = a;
  while (i > s.tokenStart && !(t.kind[i - 1] === K_PUNCT && CLAUSE_BREAK.has(doc.text.slice(t.start[i - 1]!, t.end[i - 1]!)))) i--;
  let j = b;
  while (j < s.tokenEnd && !(t.kind[j] === K_PUNCT && (CLAUSE_BREAK.has(doc.text.slice(t.start[j]!, t.end[j]!)) || j === s.tokenEnd - 1))) j++;
  if (j <= i) j = b;
  return [t.start[i]!, t.end[Math.max(i, j - 1)]!];
}

export function insideQuote(doc: Doc, start: number, end: number): boolean {
  for (const q of doc.quotes) {
    if (q.start > start) break;
    if (q.contentStart <= start && end <= q.contentEnd) return true;
  }
  return false;
}

export function tokenAtOrAfter(doc: Doc, offset: number, lo: number, hi: number): number {
  const t = doc.tokens;
  while (lo < hi && t.end[lo]! <= offset) lo++;
  return lo;
}

export function tokenEndAtOrBefore(doc: Doc, offset: number, lo: number, hi: number): number {
  const t = doc.tokens;
  let k = lo;
  while (k < hi && t.end[k]! <= offset) k++;
  return k;
}
