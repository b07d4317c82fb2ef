import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWordList } from '../../lexicon/load.js';
import { stem } from '../../lexicon/stem.js';
import { WordMemo } from '../../lexicon/word-memo.js';
import { PhraseSet, WordSet } from '../../lexicon/word-sets.js';
import { PerVocab } from '../../lexicon/per-vocab.js';
import type { Tokens } from '../../text/tokenise.js';

/**
 * Cue classes of entity framing, as data: `cues/<class>.txt`, one word or phrase a line. A word
 * matches by its stem ("shelled", "shelling" -> "shell"), a phrase word for word. The classifier reads
 * them as features (which class stands where, relative to a mention) and the report shows them as
 * evidence. Lists are the same for every party: they describe what is done, never who does it.
 */
export const CUES_DIR = fileURLToPath(new URL('./cues/', import.meta.url));

export const CUE_CLASSES: readonly string[] = readdirSync(CUES_DIR).filter((f) => f.endsWith('.txt')).map((f) => basename(f, '.txt')).sort();
if (CUE_CLASSES.length > 31) throw new Error('framing cues: at most 31 classes (bit masks)');
export const cueClassIndex = (name: string): number => CUE_CLASSES.indexOf(name);

const stemMask = new Map<string, number>();
const phraseSets: PhraseSet[] = [];
for (let c = 0; c < CUE_CLASSES.length; c++) {
  const words = parseWordList(readFileSync(join(CUES_DIR, `${CUE_CLASSES[c]}.txt`), 'utf8'));
  const phrases: string[] = [];
  for (const w of words) {
    if (/\s/.test(w)) phrases.push(w);
    else {
      for (const form of [w.toLowerCase(), stem(w.toLowerCase())]) stemMask.set(form, (stemMask.get(form) ?? 0) | (1 << c));
    }
  }
  phraseSets.push(new PhraseSet(phrases));
}

/** Per vocab id: does some cue phrase start with the word? */
const PHRASE_START = new PerVocab((vocab) => WordSet.union(vocab, phraseSets.map((p) => [p, 1] as [PhraseSet, number])));

/** Per word: the classes it belongs to, as bits (0: none). */
const wordMask = new WordMemo<number>((w) => stemMask.get(w) ?? stemMask.get(stem(w)) ?? 0);

let lastLength = 1;

/** Classes of token i as bits (0: none); cueLength() then gives the length of the word or phrase that carries them. */
export function cueMask(t: Tokens, i: number, end: number): number {
  let mask = wordMask.at(t, i);
  lastLength = 1;
  const id = t.id[i]!;
  const phraseStart = PHRASE_START.of(t.vocab);
  if (id < 0 || id >= phraseStart.length || phraseStart[id] === 0) return mask;
  for (let c = 0; c < phraseSets.length; c++) {
    const n = phraseSets[c]!.match(t, i, end);
    if (n > 0) { mask |= 1 << c; if (n > lastLength) lastLength = n; }
  }
  return mask;
}

/** Length in tokens of the cue cueMask last read (at least 1). */
export const cueLength = (): number => lastLength;

/** Classes of token i as bits, and the length of the phrase or word that carries them (at least 1). */
export function cueAt(t: Tokens, i: number, end: number): { mask: number; length: number } {
  const mask = cueMask(t, i, end);
  return { mask, length: lastLength };
}

/** The classes of one word (for tests and documentation). */
export function cueClassesOf(word: string): string[] {
  const m = stemMask.get(word.toLowerCase()) ?? stemMask.get(stem(word.toLowerCase())) ?? 0;
  return CUE_CLASSES.filter((_c, k) => (m & (1 << k)) !== 0);
}
