/**
 * Mention is not use: a text that talks ABOUT a word or a device does not use it. Three kinds of
 * mention, all data in mentions.yaml:
 *
 * - a technique's own name ("hearsay", "weasel words", "straw man") is never a finding of that
 *   technique: "the report is hearsay" accuses something of hearsay, it is not hearsay;
 * - a list that coordinates two or more technique names ("employing misleading titles, hearsay and
 *   weasel words") discusses devices: no finding of any technique lies inside it;
 * - a term the text discusses as a term, after a marker ("the word", "the term", "accusations of",
 *   "the charge of", "so-called" before a quotation or a name): no finding of any technique lies
 *   inside the marker and the term ("the accusation of genocide" repeated is the topic, not
 *   hammering; "genocide" there is not the author's loaded word).
 *
 * One shared stage of the Analyzer (dropMentioned) applies them to every finding, of rules, code
 * detectors and the model alike, after the model has read the rules' findings as features.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseYamlFile } from '../../core/yaml.js';
import { TECHNIQUE_IDS, type TechniqueId } from '../../core/taxonomy.js';
import { builtinLexicon } from '../../lexicon/builtin.js';
import { WordInts } from '../../lexicon/word-memo.js';
import { F_CAP, K_NUMBER, K_WORD, tokenLower, tokenise } from '../../text/tokenise.js';
import { Vocab } from '../../text/vocab.js';
import type { Doc } from '../../text/segment.js';
import type { CollectedFinding } from './contract.js';

export const MENTIONS_FILE = fileURLToPath(new URL('./mentions.yaml', import.meta.url));

const Schema = z
  .object({
    names: z.partialRecord(z.enum(TECHNIQUE_IDS as [TechniqueId, ...TechniqueId[]]), z.array(z.string().min(1))),
    markers: z.object({ plain: z.array(z.string().min(1)), 'needs-determiner': z.array(z.string().min(1)), 'only-named': z.array(z.string().min(1)) }).strict(),
  })
  .strict();

/** A mentioned range (canonical offsets): no finding of `technique` (null: of any technique) lies inside it. */
export interface Mention {
  start: number;
  end: number;
  technique: TechniqueId | null;
}

type PhraseKind = 'name' | 'plain' | 'needs-determiner' | 'only-named';

interface Phrase {
  words: string[];
  kind: PhraseKind;
  technique: TechniqueId | null;
}

interface Tables {
  /** Per first word: index into `starts` (phrases beginning with it, longest first), or -1. */
  first: WordInts;
  starts: Phrase[][];
  stop: WordInts;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'any', 'every', 'such', 'no']);
const LIST_WORDS = new Set(['and', 'or']);
const MAX_TERM_WORDS = 2;
const MAX_ITEM_WORDS = 3;

let tables: Tables | null = null;

/** The phrase as the tokeniser splits it (hyphens and apostrophes are tokens of their own). */
function phraseWords(s: string, vocab: Vocab): string[] {
  const t = tokenise(s.toLowerCase(), vocab);
  return Array.from({ length: t.count }, (_, i) => tokenLower(t, i));
}

export function loadMentionTables(file = MENTIONS_FILE): Tables {
  const data = parseYamlFile(file, readFileSync(file, 'utf8'), Schema);
  const phrases: Phrase[] = [];
  // Only the words' forms matter here: a vocabulary of its own, left empty (every word local).
  const scratch = new Vocab();
  for (const [technique, names] of Object.entries(data.names)) for (const n of names!) phrases.push({ words: phraseWords(n, scratch), kind: 'name', technique: technique as TechniqueId });
  for (const kind of ['plain', 'needs-determiner', 'only-named'] as const) for (const m of data.markers[kind]) phrases.push({ words: phraseWords(m, scratch), kind, technique: null });
  const byFirst = new Map<string, Phrase[]>();
  for (const p of phrases) {
    if (p.words.length === 0) continue;
    const list = byFirst.get(p.words[0]!) ?? [];
    list.push(p);
    byFirst.set(p.words[0]!, list);
  }
  const starts = [...byFirst.values()].map((l) => l.sort((a, b) => b.words.length - a.words.length));
  const index = new Map([...byFirst.keys()].map((w, k) => [w, k]));
  const stopWords = new Set(builtinLexicon('stopwords').map((w) => w.toLowerCase()));
  return { first: new WordInts((w) => index.get(w) ?? -1), starts, stop: new WordInts((w) => (stopWords.has(w) ? 1 : -1)) };
}

function load(): Tables {
  return (tables ??= loadMentionTables());
}

const isWordToken = (doc: Doc, i: number) => doc.tokens.kind[i] === K_WORD || doc.tokens.kind[i] === K_NUMBER;

/**
 * The mentions of a document, in text order of their first token. Every kind of mention lies within
 * one sentence; with `sentences` (a flag per sentence), only the flagged sentences are read.
 */
export function findMentions(doc: Doc, sentences?: Uint8Array): Mention[] {
  const t = doc.tokens;
  if (t.count === 0) return [];
  const tb = load();
  const out: Mention[] = [];
  /** Technique-name occurrences: token ranges and technique. */
  const names: Array<{ a: number; b: number; technique: TechniqueId }> = [];
  for (let i = 0; i < t.count; i++) {
    if (sentences && !sentences[doc.tokenSentence[i]!]) {
      // Skip to the next sentence.
      i = doc.sentences[doc.tokenSentence[i]!]!.tokenEnd - 1;
      continue;
    }
    const f = tb.first.at(t, i);
    if (f < 0) continue;
    for (const p of tb.starts[f]!) {
      const b = i + p.words.length;
      if (b > t.count || doc.tokenSentence[b - 1] !== doc.tokenSentence[i]) continue;
      let ok = true;
      for (let k = 1; k < p.words.length && ok; k++) ok = tokenLower(t, i + k) === p.words[k];
      if (!ok) continue;
      if (p.kind === 'name') {
        names.push({ a: i, b, technique: p.technique! });
        out.push({ start: t.start[i]!, end: t.end[b - 1]!, technique: p.technique });
      } else {
        const m = markedTerm(doc, tb, p.kind, i, b);
        if (m) out.push(m);
      }
      i = b - 1;
      break;
    }
  }
  if (names.length >= 2) deviceLists(doc, tb, names, out);
  return out;
}

/** The term a marker at tokens [a, b) introduces, as a mention (null when there is none). */
function markedTerm(doc: Doc, tb: Tables, kind: PhraseKind, a: number, b: number): Mention | null {
  const t = doc.tokens;
  if (kind === 'needs-determiner' && !(a > 0 && DETERMINERS.has(tokenLower(t, a - 1)))) return null;
  const sentence = doc.tokenSentence[a]!;
  // A quotation opening right after the marker (a colon or comma between is allowed).
  const after = t.end[b - 1]!;
  for (const q of doc.quotes) {
    if (q.start < after) continue;
    if (q.start > after + 3 || /[^\s:,]/.test(doc.text.slice(after, q.start))) break;
    return kind === 'only-named' ? { start: q.start, end: q.end, technique: null } : { start: t.start[a]!, end: q.end, technique: null };
  }
  let e = b;
  if (kind === 'only-named') {
    // A capitalised name: the run of capitalised words.
    while (e < t.count && e - b < MAX_TERM_WORDS + 1 && doc.tokenSentence[e] === sentence && t.kind[e] === K_WORD && (t.flags[e]! & F_CAP) !== 0) e++;
    return e > b ? { start: t.start[b]!, end: t.end[e - 1]!, technique: null } : null;
  }
  while (e < t.count && e - b < MAX_TERM_WORDS && doc.tokenSentence[e] === sentence && isWordToken(doc, e) && tb.stop.at(t, e) < 0) e++;
  return e > b ? { start: t.start[a]!, end: t.end[e - 1]!, technique: null } : null;
}

/** Is token i a list separator: a comma, "and" or "or"? */
function isSeparator(doc: Doc, i: number): boolean {
  const t = doc.tokens;
  if (t.kind[i] === K_WORD) return LIST_WORDS.has(tokenLower(t, i));
  return t.end[i]! - t.start[i]! === 1 && doc.text.charCodeAt(t.start[i]!) === 44;
}

/**
 * Lists coordinating two or more technique names: the whole list is a mention of devices. Items are
 * technique names or up to three content words between separators.
 */
function deviceLists(doc: Doc, tb: Tables, names: ReadonlyArray<{ a: number; b: number; technique: TechniqueId }>, out: Mention[]): void {
  const t = doc.tokens;
  const nameAt = new Map(names.map((n) => [n.a, n]));
  const nameEnding = new Map(names.map((n) => [n.b, n]));
  let covered = -1;
  for (const n of names) {
    if (n.a < covered) continue;
    const s = doc.tokenSentence[n.a]!;
    let count = 1;
    // Rightwards: separators, then an item.
    let right = n.b;
    for (;;) {
      let k = right;
      let seps = 0;
      while (k < t.count && doc.tokenSentence[k] === s && isSeparator(doc, k)) {
        k++;
        seps++;
      }
      if (seps === 0 || k >= t.count || doc.tokenSentence[k] !== s) break;
      const name = nameAt.get(k);
      let e = k;
      if (name) e = name.b;
      else while (e < t.count && e - k < MAX_ITEM_WORDS && doc.tokenSentence[e] === s && t.kind[e] === K_WORD && !isSeparator(doc, e) && tb.stop.at(t, e) < 0) e++;
      if (e === k) break;
      if (name) count++;
      right = e;
    }
    // Leftwards.
    let left = n.a;
    for (;;) {
      let k = left - 1;
      let seps = 0;
      while (k >= 0 && doc.tokenSentence[k] === s && isSeparator(doc, k)) {
        k--;
        seps++;
      }
      if (seps === 0 || k < 0 || doc.tokenSentence[k] !== s) break;
      const name = nameEnding.get(k + 1);
      let a = k + 1;
      if (name) a = name.a;
      else while (a > 0 && k + 1 - a < MAX_ITEM_WORDS && doc.tokenSentence[a - 1] === s && t.kind[a - 1] === K_WORD && !isSeparator(doc, a - 1) && tb.stop.at(t, a - 1) < 0) a--;
      if (a === k + 1) break;
      if (name) count++;
      left = a;
    }
    if (count >= 2) {
      out.push({ start: t.start[left]!, end: t.end[right - 1]!, technique: null });
      covered = right;
    }
  }
}

/** The index of the token that holds canonical offset `at` (or the next one). */
function tokenAt(doc: Doc, at: number): number {
  const t = doc.tokens;
  let lo = 0;
  let hi = t.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.end[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, t.count - 1);
}

let sentenceScratch = new Uint8Array(0);

/** Removes, in place, findings that lie inside a mention of their technique (or of any technique). */
export function dropMentioned(doc: Doc, findings: CollectedFinding[]): void {
  if (findings.length === 0 || doc.tokens.count === 0) return;
  // Only sentences holding a finding can hold a mention that matters.
  const ns = doc.sentences.length;
  if (sentenceScratch.length < ns) sentenceScratch = new Uint8Array(Math.max(ns, 2 * sentenceScratch.length, 256));
  const flagged = sentenceScratch.subarray(0, ns);
  flagged.fill(0);
  for (const f of findings) {
    const a = doc.tokenSentence[tokenAt(doc, f.start)]!;
    const b = doc.tokenSentence[tokenAt(doc, Math.max(f.start, f.end - 1))]!;
    for (let k = a; k <= b; k++) flagged[k] = 1;
  }
  const mentions = findMentions(doc, flagged);
  if (mentions.length === 0) return;
  let w = 0;
  for (const f of findings) {
    let inside = false;
    for (const m of mentions) {
      if (f.start >= m.start && f.end <= m.end && (m.technique === null || m.technique === f.technique)) {
        inside = true;
        break;
      }
    }
    if (!inside) findings[w++] = f;
  }
  findings.length = w;
}
