import { stem } from '../lexicon/stem.js';
import { normalise } from '../text/normalise.js';
import { F_CAP, K_NUMBER, K_WORD, tokenise, tokenLower } from '../text/tokenise.js';
import { isStopWord } from './terms.js';
import { Vocab } from '../text/vocab.js';

/**
 * A story's title from the phrases most of its versions share (in their titles and leads): word sequences of one to four
 * words that neither begin nor end with a function word, counted once per document, the ones most
 * documents share first (longer and named ones preferred), up to three that do not overlap.
 * It depends only on the story's own documents, so it stays the same until they change.
 */

const MAX_WORDS = 4;
/** Words of time: a phrase may hold them ("Sunday's election") but not begin or end with them. */
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'night', 'morning', 'evening', 'afternoon', 'week', 'weekend', 'day', 'today', 'yesterday', 'tonight']);
const edgeWord = (lower: string) => isStopWord(lower) || TIME_WORDS.has(lower);
const MAX_PHRASES = 3;

interface Phrase {
  key: string;
  surface: string;
  words: number;
  named: boolean;
  docs: Set<number>;
  /** Order of first appearance (document order, then position), for ties. */
  first: number;
}

export interface TitleSource {
  title: string | null;
  text: string;
}

/** Phrases of one text as [key, surface, words, named] in order of appearance. */
function phrasesOf(input: string): Array<[string, string, number, boolean]> {
  const text = normalise(input).text;
  const t = tokenise(text, new Vocab());
  const out: Array<[string, string, number, boolean]> = [];
  // Runs of words and numbers not broken by punctuation.
  let run: number[] = [];
  const flush = () => {
    for (let a = 0; a < run.length; a++) {
      const first = tokenLower(t, run[a]!);
      if (t.kind[run[a]!] === K_WORD && edgeWord(first)) continue;
      let inner = 0;
      for (let b = a; b < run.length && b - a < MAX_WORDS; b++) {
        const i = run[b]!;
        const lower = tokenLower(t, i);
        if (t.kind[i] === K_WORD && TIME_WORDS.has(lower)) break;
        const stop = t.kind[i] === K_WORD && isStopWord(lower);
        if (stop) {
          if (++inner > 1) break;
          continue;
        }
        const span = run.slice(a, b + 1);
        const key = span.map((k) => (t.kind[k] === K_NUMBER ? tokenLower(t, k) : stem(tokenLower(t, k)))).join(' ');
        const named = span.some((k, n) => t.kind[k] === K_NUMBER || (n > 0 || a > 0 ? (t.flags[k]! & F_CAP) !== 0 : false));
        out.push([key, text.slice(t.start[run[a]!], t.end[i]), b - a + 1, named]);
      }
    }
    run = [];
  };
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] === K_WORD || t.kind[i] === K_NUMBER) run.push(i);
    else flush();
  }
  flush();
  return out;
}

/** The title of a story of these documents (in join order). A single document keeps its own title. */
export function storyTitle(docs: TitleSource[]): string {
  if (docs.length === 0) return '';
  if (docs.length === 1) return (docs[0]!.title ?? firstLine(docs[0]!.text)).trim();
  const phrases = new Map<string, Phrase>();
  let order = 0;
  docs.forEach((d, di) => {
    for (const [key, surface, words, named] of phrasesOf(`${d.title ?? ''}\n\n${lead(d.text)}`)) {
      let p = phrases.get(key);
      if (!p) phrases.set(key, (p = { key, surface, words, named, docs: new Set(), first: order }));
      order++;
      p.docs.add(di);
    }
  });
  const need = Math.max(2, Math.ceil(docs.length / 2));
  const score = (p: Phrase) => p.docs.size * (1 + 0.5 * (p.words - 1)) * (p.named ? 1.5 : 1);
  const ranked = [...phrases.values()]
    .filter((p) => p.docs.size >= need && (p.words > 1 || p.named))
    .sort((a, b) => score(b) - score(a) || a.first - b.first);
  const chosen: Phrase[] = [];
  const used = new Set<string>();
  for (const p of ranked) {
    const stems = p.key.split(' ');
    if (stems.some((s) => used.has(s))) continue;
    chosen.push(p);
    for (const s of stems) used.add(s);
    if (chosen.length === MAX_PHRASES) break;
  }
  if (chosen.length === 0) return (docs[0]!.title ?? firstLine(docs[0]!.text)).trim();
  return chosen.map((p) => p.surface).join(', ');
}

/** The opening of a text, where reports name their event: the first 800 characters, cut at a space. */
function lead(text: string): string {
  if (text.length <= 800) return text;
  const cut = text.lastIndexOf(' ', 800);
  return text.slice(0, cut > 400 ? cut : 800);
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
